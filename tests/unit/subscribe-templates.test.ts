/**
 * Subscribe-message keys come from configuration per template (a library template's keyword
 * numbers differ between templates of the same kind); a wrong setting is refused by name.
 */
import { DEFAULT_TEMPLATE_KEYS, keysVariable, templateData, templateKeys } from '../../shared/domain/subscribe-templates';

it('names one variable per template and defaults to the keys DEPLOY.md names', () => {
  expect([keysVariable('studyPush'), keysVariable('meeting'), keysVariable('task')]).toEqual(['TONGXIN_TPL_STUDY_PUSH_KEYS', 'TONGXIN_TPL_MEETING_KEYS', 'TONGXIN_TPL_TASK_KEYS']);
  expect(templateKeys('meeting', undefined)).toEqual(DEFAULT_TEMPLATE_KEYS.meeting);
  expect(templateKeys('meeting', '  ')).toEqual(DEFAULT_TEMPLATE_KEYS.meeting);
});

it('takes another template of the kind, and refuses a setting that would be refused by WeChat', () => {
  expect(templateKeys('studyPush', 'title=thing4, sender=thing1, time=date2')).toEqual({ title: 'thing4', sender: 'thing1', time: 'date2' });
  expect(() => templateKeys('studyPush', 'title=thing4,time=time2')).toThrow(/TONGXIN_TPL_STUDY_PUSH_KEYS.*sender is missing/);
  expect(() => templateKeys('studyPush', 'title=time1,sender=thing1,time=time2')).toThrow(/title=time1 is not a thing key/);
  expect(() => templateKeys('task', 'title=thing1,doneBy=thing1,due=time3')).toThrow(/a key is used twice/);
  expect(() => templateKeys('task', 'title=thing1,doneBy=thing2,due=time3,extra=thing5')).toThrow(/extra is not a field of task/);
});

it('puts each field under its key and cuts a thing to 20 characters', () => {
  const data = templateData('meeting', { title: '关于深入学习贯彻党的二十届三中全会精神的专题组织生活会', start: '2026-12-05 14:30', place: '三楼党员活动室' }, { title: 'thing7', start: 'time2', place: 'thing3' });
  expect(Object.keys(data).sort()).toEqual(['thing3', 'thing7', 'time2']);
  expect([...data.thing7.value]).toHaveLength(20);
  expect(data.time2.value).toBe('2026-12-05 14:30');
});
