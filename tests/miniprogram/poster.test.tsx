import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { layoutPoster, wrapText, POSTER_MIN_HEIGHT, POSTER_WIDTH, type DrawCommand, type Measure, type PosterContent } from '@/components/Poster/layout';
import { Poster, drawPoster, saveToAlbum, type PosterCanvas, type PosterContext } from '@/components/Poster';
import QuarterAdmin, { quarterPosterContent } from '@/subpackages/secretary/pages/quarter/index';
import HonourWall, { honourPosterContent, storyExcerpt } from '@/subpackages/branch/pages/honour/index';
import { call } from '@/services/api';
import type { ActionOutput } from '@/services/api';
import { currentPeriod } from '@/domain/quarter';
import { modalAnswer, selectorNode, setRouterParams } from './mocks/taro';
import { ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

/** Every character is `size` wide (font size read from the CSS font string). */
const monoMeasure: Measure = (text, font) => Array.from(text).length * Number(/(\d+)px/.exec(font)![1]);
type TextCmd = Extract<DrawCommand, { kind: 'text' }>;
const texts = (cmds: DrawCommand[]) => cmds.filter((c): c is TextCmd => c.kind === 'text');
const widthOf = (c: TextCmd) => monoMeasure(c.text, c.font);
const left = (c: TextCmd) => (c.align === 'center' ? c.x - widthOf(c) / 2 : c.align === 'right' ? c.x - widthOf(c) : c.x);

const content = (rows: PosterContent['rows'], over: Partial<PosterContent> = {}): PosterContent => ({
  branchName: '城东营业部党支部',
  title: '2026年第3季度考评结果',
  subtitle: '参与排名 12 人',
  rows,
  footer: '同心 · 党支部工作平台',
  date: '2026-11-26',
  ...over,
});
const story = '连续三个月完成基站巡检零差错，主动帮扶新员工，带领小组完成抢修任务，获得客户书面表扬，党员先锋岗作用突出。';

/** A recording 2d context and canvas, standing in for the weapp / browser canvas. */
function fakeCanvas() {
  const calls: Array<[string, ...unknown[]]> = [];
  const ctx: PosterContext = {
    fillStyle: '',
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: (...a) => void calls.push(['fillRect', ...a]),
    fillText: (...a) => void calls.push(['fillText', ...a]),
    measureText(text) {
      return { width: monoMeasure(text, this.font) };
    },
    scale: (...a) => void calls.push(['scale', ...a]),
    setTransform: () => undefined,
  };
  const canvas: PosterCanvas = { width: 0, height: 0, getContext: () => ctx, toDataURL: () => 'data:image/png;base64,AAAA' };
  return { canvas, ctx, calls };
}

afterEach(() => {
  selectorNode.node = null;
});

describe('layoutPoster (pure)', () => {
  it('wraps long text so that no line is wider than its column', () => {
    const lines = wrapText(story, 300, monoMeasure, '30px sans-serif');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(story);
    for (const l of lines) expect(monoMeasure(l, '30px sans-serif')).toBeLessThanOrEqual(300);

    const layout = layoutPoster(content([['王志强', story]], { title: '一个很长很长很长很长很长很长很长很长很长很长很长的标题' }), POSTER_WIDTH, monoMeasure);
    for (const c of texts(layout.commands)) {
      expect(left(c)).toBeGreaterThanOrEqual(0);
      expect(left(c) + widthOf(c)).toBeLessThanOrEqual(POSTER_WIDTH - 48);
    }
    // The story became several lines, all in the value column.
    const storyLines = texts(layout.commands).filter((c) => story.includes(c.text) && c.x > 100);
    expect(storyLines.length).toBeGreaterThan(1);
    expect(storyLines.map((c) => c.text).join('')).toBe(story);
  });

  it('keeps explicit line breaks and never loses characters', () => {
    expect(wrapText('第一行\n第二行', 1000, monoMeasure, '20px sans-serif')).toEqual(['第一行', '第二行']);
    expect(wrapText('', 100, monoMeasure, '20px sans-serif')).toEqual(['']);
  });

  it('lays rows out top to bottom without overlap, their text inside their box', () => {
    const rows = [['优秀', '3 人'], ['王志强', story], ['第 1 名', '张红梅　96.5 分'], ['李建国', story]] as const;
    const layout = layoutPoster(content(rows), POSTER_WIDTH, monoMeasure);
    expect(layout.rowBoxes).toHaveLength(4);
    layout.rowBoxes.forEach((b, i) => {
      expect(b.bottom).toBeGreaterThan(b.top);
      if (i > 0) expect(b.top).toBeGreaterThanOrEqual(layout.rowBoxes[i - 1].bottom);
    });
    const headerEnd = layout.commands.find((c) => c.kind === 'rect' && c.color === '#c8161d' && c.x === 0 && c.y === 0)!;
    expect(layout.rowBoxes[0].top).toBeGreaterThan((headerEnd as { h: number }).h);
    // Each row's label is drawn inside its own box.
    rows.forEach(([label], i) => {
      const c = texts(layout.commands).find((t) => t.text === label)!;
      expect(c.y).toBeGreaterThanOrEqual(layout.rowBoxes[i].top);
      expect(c.y + c.size).toBeLessThanOrEqual(layout.rowBoxes[i].bottom);
    });
    // The footer comes after the last row, and everything fits the height.
    const footer = texts(layout.commands).find((t) => t.text === '同心 · 党支部工作平台')!;
    expect(footer.y).toBeGreaterThan(layout.rowBoxes[3].bottom);
    for (const c of texts(layout.commands)) expect(c.y + c.size).toBeLessThanOrEqual(layout.height);
  });

  it('is at least 750×1200 and grows with the rows', () => {
    const few = layoutPoster(content([['优秀', '3 人']]), POSTER_WIDTH, monoMeasure);
    expect(few.width).toBe(750);
    expect(few.height).toBe(POSTER_MIN_HEIGHT);
    const many = Array.from({ length: 30 }, (_, i) => [`党员${i + 1}`, story] as const);
    const big = layoutPoster(content(many), POSTER_WIDTH, monoMeasure);
    const bigger = layoutPoster(content([...many, ...many]), POSTER_WIDTH, monoMeasure);
    expect(big.height).toBeGreaterThan(POSTER_MIN_HEIGHT);
    expect(bigger.height).toBeGreaterThan(big.height);
    expect(big.height).toBeGreaterThan(big.rowBoxes[29].bottom);
  });

  it('drawPoster replays the commands on a context (white background first)', () => {
    const { ctx, calls } = fakeCanvas();
    const layout = layoutPoster(content([['优秀', '3 人']]), POSTER_WIDTH, monoMeasure);
    drawPoster(ctx, layout.commands);
    expect(calls[0]).toEqual(['fillRect', 0, 0, 750, layout.height]);
    expect(calls.filter(([k]) => k === 'fillText').map(([, t]) => t)).toEqual(expect.arrayContaining(['城东营业部党支部', '优秀', '3 人', '2026-11-26']));
    expect(ctx.textBaseline).toBe('top');
  });
});

describe('Poster component', () => {
  it('draws on the 2d canvas scaled by the pixel ratio; H5 saves as a PNG download link', async () => {
    const { canvas, calls } = fakeCanvas();
    selectorNode.node = canvas;
    render(<Poster canvasId='p1' content={content([['优秀', '3 人']])} fileName='海报.png' />);
    const save = screen.getByRole('button', { name: '保存海报' });
    await waitFor(() => expect(save).not.toBeDisabled());
    expect(Taro.createSelectorQuery).toHaveBeenCalled();
    // No window info in the test double: 300 px wide at ratio 2.
    expect(canvas.width).toBe(600);
    expect(canvas.height).toBe(960);
    expect(calls.find(([k]) => k === 'scale')).toEqual(['scale', 0.8, 0.8]);
    expect(calls.some(([k, t]) => k === 'fillText' && t === '2026年第3季度考评结果')).toBe(true);
    fireEvent.click(save);
    const link = await screen.findByRole('link', { name: '下载海报 海报.png' });
    expect(link).toHaveAttribute('download', '海报.png');
    expect(link).toHaveAttribute('href', 'data:image/png;base64,AAAA');
  });

  it('says so when there is no canvas', async () => {
    jest.useFakeTimers();
    try {
      render(<Poster canvasId='p2' content={content([])} fileName='x.png' />);
      for (let i = 0; i < 22; i++) await act(async () => void jest.advanceTimersByTime(200));
      expect(screen.getByText('海报生成失败，请稍后重试。')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '保存海报' })).toBeDisabled();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('saveToAlbum (weapp)', () => {
  it('exports the canvas to a temp file and saves it to the album', async () => {
    const { canvas } = fakeCanvas();
    await expect(saveToAlbum(canvas)).resolves.toBe(true);
    expect(Taro.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas }));
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: '/tmp/poster.png' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }));
  });

  it('explains a refused album permission and opens the settings on 去设置', async () => {
    (Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    await expect(saveToAlbum(fakeCanvas().canvas)).resolves.toBe(false);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }));
    expect(Taro.openSetting).toHaveBeenCalled();
  });

  it('does not open the settings when the secretary cancels; other failures are a toast', async () => {
    modalAnswer.confirm = false;
    (Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' });
    await saveToAlbum(fakeCanvas().canvas);
    expect(Taro.openSetting).not.toHaveBeenCalled();
    (Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail io error' });
    await saveToAlbum(fakeCanvas().canvas);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报保存失败，请重试' }));
  });
});

type Result = ActionOutput<'quarter.result'>;
const row = (rank: number, name: string, score: number, grade: Result['rows'][number]['grade']) => ({ memberId: `m-${rank}`, name, rank, points: score, appraisal: null, score, grade });
const result: Result = {
  period: '2026Q3',
  version: 2,
  publishedAt: '2026-10-08T02:00:00.000Z',
  reason: '更正积分',
  rows: [row(2, '王志强', 95, 'excellent'), row(1, '张红梅', 98, 'excellent'), row(3, 'C', 90, 'good'), row(4, 'D', 88, 'good'), row(5, 'E', 80, 'good'), row(6, 'F', 70, 'good')],
  exempt: [],
  gradeCounts: { excellent: 2, good: 4, pass: 0, poor: 0 },
  mine: null,
};

describe('季度考评: 季度海报', () => {
  it('quarterPosterContent: grade counts then the top 5 by rank', () => {
    const c = quarterPosterContent(result, '城东营业部党支部', '2026-11-26');
    expect(c.title).toBe('2026年第3季度考评结果');
    expect(c.subtitle).toContain('第 2 版');
    const top = c.rows.filter(([l]) => l.startsWith('第 '));
    expect(top).toHaveLength(5);
    expect(top[0]).toEqual(['第 1 名', '张红梅　98 分']);
    expect(top[1]).toEqual(['第 2 名', '王志强　95 分']);
    expect(c.rows.slice(0, 4)).toEqual([['优秀', '2 人'], ['良好', '4 人'], ['合格', '0 人'], ['较差', '0 人']]);
    expect(c.footer).toBe('同心 · 党支部工作平台');
  });

  it('a published quarter offers 生成季度海报, drawn from quarter.result with the branch name', async () => {
    const { canvas, calls } = fakeCanvas();
    selectorNode.node = canvas;
    setRouterParams({ period: '2026Q3' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok({ period: '2026Q3', state: 'published', publishedVersion: 2, appraisal: null, myBallotCast: false }),
        'rectification.candidates': ok({ period: '2026Q3', members: [] }),
        'quarter.result': ok(result),
        'org.me': okMe(secretary),
      }) as never,
    );
    render(<QuarterAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: '生成季度海报' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '保存海报' })).not.toBeDisabled());
    expect(mockCall).toHaveBeenCalledWith('quarter.result', { period: '2026Q3' });
    const drawn = calls.filter(([k]) => k === 'fillText').map(([, t]) => t);
    expect(drawn).toEqual(expect.arrayContaining(['城东营业部党支部', '2026年第3季度考评结果', '第 1 名']));
  });

  it('shows the error when the result cannot be read', async () => {
    setRouterParams({ period: '2026Q3' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok({ period: '2026Q3', state: 'published', publishedVersion: 1, appraisal: null, myBallotCast: false }),
        'rectification.candidates': ok({ period: '2026Q3', members: [] }),
        'quarter.result': { ok: false, error: { code: 'NOT_FOUND', message: '该季度结果尚未发布' } },
        'org.me': okMe(secretary),
      }) as never,
    );
    render(<QuarterAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: '生成季度海报' }));
    expect(await screen.findByText('该季度结果尚未发布')).toBeInTheDocument();
  });
});

describe('荣誉墙: 海报', () => {
  const wall: ActionOutput<'honour.wall'> = {
    period: currentPeriod(),
    branchName: '城东营业部党支部',
    items: [
      { id: 'h-1', period: currentPeriod(), member: { id: 'm-002', name: '王志强' }, group: '第一党小组', nominatedBy: '张红梅', story, photoUrl: null, status: 'confirmed', createdAt: '2026-11-20T02:00:00.000Z' },
    ],
  };

  it('storyExcerpt keeps the first 40 characters', () => {
    expect(Array.from(storyExcerpt(story))).toHaveLength(41);
    expect(storyExcerpt(story).endsWith('…')).toBe(true);
    expect(storyExcerpt('短事迹')).toBe('短事迹');
    const c = honourPosterContent(wall, '2026-11-26');
    expect(c.rows).toEqual([['王志强', storyExcerpt(story)]]);
    expect(c.branchName).toBe('城东营业部党支部');
  });

  it('生成荣誉墙海报 draws the names and stories', async () => {
    const { canvas, calls } = fakeCanvas();
    selectorNode.node = canvas;
    mockCall.mockImplementation(routes({ 'honour.wall': ok(wall) }) as never);
    render(<HonourWall />);
    fireEvent.click(await screen.findByRole('button', { name: '生成荣誉墙海报' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '保存海报' })).not.toBeDisabled());
    const drawn = calls.filter(([k]) => k === 'fillText').map(([, t]) => String(t));
    expect(drawn).toContain('王志强');
    expect(drawn.join('')).toContain(storyExcerpt(story));
  });
});
