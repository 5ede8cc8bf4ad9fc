/** Cloud function `quarter`: 民主评议, closing and publishing a quarter, and the published result. */
import { defineFunction } from '../_shared/define';
import { ballot, castBallot, closeAppraisal, openAppraisal } from './handlers/appraisal';
import { close, publish, result, status } from './handlers/period';

export const main = defineFunction('quarter')({ status, openAppraisal, ballot, castBallot, closeAppraisal, close, publish, result });
