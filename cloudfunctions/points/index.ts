/** Cloud function `points`: 积分档案, live rankings, corrections and rules. Awards happen inside other features, never here. */
import { defineFunction } from '../_shared/define';
import { memberLedger, myLedger } from './handlers/ledger';
import { ranking } from './handlers/ranking';
import { adjust, reverse } from './handlers/corrections';
import { rules, saveRule } from './handlers/rules';
import { compareBranches } from './handlers/compare';

export const main = defineFunction('points')({ myLedger, memberLedger, ranking, adjust, reverse, rules, saveRule, compareBranches });
