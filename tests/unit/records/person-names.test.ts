import { describe, expect, it } from 'vitest';
import {
  nameSyllables,
  romaniseName,
  splitListedName,
} from '../../../src/lib/records/person-names.ts';

describe('names in pinyin', () => {
  it('reads surnames with their surname readings and writes them apart', () => {
    const cases: [string, string, string][] = [
      ['单田芳', 'Shan Tianfang', 'Shàn Tiánfāng'],
      ['曾国藩', 'Zeng Guofan', 'Zēng Guófān'],
      ['解缙', 'Xie Jin', 'Xiè Jìn'],
      ['仇英', 'Qiu Ying', 'Qiú Yīng'],
      ['区又生', 'Ou Yousheng', 'Ōu Yòushēng'],
      ['朴正熙', 'Piao Zhengxi', 'Piáo Zhèngxī'],
      ['查良镛', 'Zha Liangyong', 'Zhā Liángyōng'],
      ['盖叫天', 'Ge Jiaotian', 'Gě Jiàotiān'],
      ['尉迟恭', 'Yuchi Gong', 'Yùchí Gōng'],
      ['欧阳修', 'Ouyang Xiu', 'Ōuyáng Xiū'],
      ['霍庆顺', 'Huo Qingshun', 'Huò Qìngshùn'],
    ];
    for (const [zh, en, pinyin] of cases)
      expect(romaniseName(zh, 'han'), zh).toEqual({ en, pinyin });
  });

  it('marks a syllable boundary before a, o and e, and keeps ü', () => {
    expect(romaniseName('王建安')).toEqual({ en: "Wang Jian'an", pinyin: "Wáng Jiàn'ān" });
    expect(romaniseName('吕品').en).toBe('Lü Pin');
  });

  it('writes transcribed names as words, without a surname', () => {
    expect(romaniseName('阿不都热合曼·买买提明', 'uygur').en).toBe('Abudureheman Maimaitiming');
    expect(romaniseName('罗藏旦巴', 'zang').en).toBe('Luozang Danba');
    expect(romaniseName('格桑', 'zang').en).toBe('Gesang');
    expect(romaniseName('孟根其其格', 'mongol').en).toBe('Menggenqiqige');
    // a Chinese-style name of a Tibetan person keeps its surname
    expect(romaniseName('杨华珍', 'zang').en).toBe('Yang Huazhen');
    // Yi names: clan name and given name
    expect(romaniseName('吉伍巫且', 'yi').en).toBe('Jiwu Wuqie');
  });

  it('reads the other forms a list gives in brackets apart', () => {
    expect(splitListedName('叶保芬（叶宝芬）')).toEqual({ name: '叶保芬', other: ['叶宝芬'] });
    expect(splitListedName('阿依夏木·扎依提（阿依夏木汗·扎依提）')).toEqual({
      name: '阿依夏木·扎依提',
      other: ['阿依夏木汗·扎依提'],
    });
    expect(romaniseName('叶保芬（叶宝芬）').en).toBe('Ye Baofen');
  });

  it('gives search the syllables of a name as a name (单 shan, never dan)', () => {
    expect(nameSyllables('单嘉玖')).toEqual(['shan', 'jia', 'jiu']);
    expect(nameSyllables('吕品')).toEqual(['lv', 'pin']);
  });
});
