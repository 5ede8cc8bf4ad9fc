/** Deterministic, realistic Chinese names for demo data. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '红梅', '国庆', '立新', '春生', '文博', '思远', '雨桐', '子涵', '浩然', '嘉怡', '俊杰', '欣怡', '宇航', '婷婷'];

/** The i-th name of a fixed sequence; distinct for the first few hundred. */
export function chineseName(i: number): string {
  const surname = SURNAMES[(i * 7) % SURNAMES.length];
  const given = GIVEN[(i * 11 + Math.floor(i / SURNAMES.length)) % GIVEN.length];
  return surname + given;
}

export function phoneNumber(i: number): string {
  return `138${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`;
}
