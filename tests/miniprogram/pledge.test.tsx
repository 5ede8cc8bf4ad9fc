import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyPledge from '@/subpackages/identity/pages/pledge/index';
import PledgeBoard from '@/subpackages/identity/pages/pledge-board/index';
import PledgeDetail from '@/subpackages/identity/pages/pledge-detail/index';
import PledgeLetter from '@/subpackages/identity/pages/pledge-letter/index';
import PledgeReviews from '@/subpackages/identity/pages/pledge-reviews/index';
import PledgeStatus from '@/subpackages/secretary/pages/pledge-status/index';
import Structure from '@/subpackages/secretary/pages/structure/index';
import Mine from '@/pages/mine/index';
import { SignaturePad } from '@/components/SignaturePad';
import { hasSignature, inkLength } from '@/components/SignaturePad/strokes';
import { fulfilmentDraftKey, missingParts, pledgeDraftKey, validateParts, blankParts, type FulfilmentDraft } from '@/subpackages/identity/lib/pledge';
import { LETTER_MIN_HEIGHT, LETTER_WIDTH, chineseDate, layoutLetter, letterContent } from '@/subpackages/identity/lib/letter';
import { currentPeriod } from '@/domain/quarter';
import { ROUTES } from '@/lib/routes';
import { uploadFile } from '@/cloud/upload';
import { call, type ActionOutput, type PledgeView } from '@/services/api';
import { modalAnswer, selectorNode, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({
  ...jest.requireActual('@/cloud/upload-types'),
  uploadFile: jest.fn(async (_path: string, cloudPath: string) => `cloud://env-1/${cloudPath}`),
}));
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const taro = Taro as unknown as Record<string, unknown>;

/** A recording 2d context for jsdom's canvas (which has none). */
function fakeContext() {
  const ops: string[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    imageSmoothingEnabled: true,
    fillRect: () => void ops.push('fillRect'),
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => void ops.push('lineTo'),
    stroke: () => void ops.push('stroke'),
    arc: () => undefined,
    fill: () => void ops.push('fill'),
    fillText: (t: string) => void ops.push(`text:${t}`),
    measureText: (t: string) => ({ width: Array.from(t).length * 28 }),
    drawImage: () => void ops.push('drawImage'),
    scale: () => undefined,
    setTransform: () => undefined,
  };
  return { ctx, ops };
}

const SIG_DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';
let canvasOps: string[] = [];
beforeEach(() => {
  const { ctx, ops } = fakeContext();
  canvasOps = ops;
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as never);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(() => SIG_DATA_URL);
  taro.previewImage = jest.fn();
});
afterEach(() => {
  jest.restoreAllMocks();
  delete taro.previewImage;
});

const YEAR = 2026;
const item = (id: string, text: string, measure: string) => ({ id, text, measure });
const pledge = (over: Partial<PledgeView> = {}): PledgeView => ({
  id: 'pl-1',
  year: YEAR,
  member: { id: 'm-001', name: '张红梅', group: '第一党小组' },
  parts: {
    business: [item('i-1', '全年新开通5G基站120个', '网管系统统计')],
    targets: [item('i-2', '营业厅满意度达到98%', '季度测评结果')],
    post: [item('i-3', '带教两名新员工独立上岗', '考核通过')],
  },
  status: 'signed',
  signedAt: '2026-03-01T02:00:00.000Z',
  signatureUrl: 'http://127.0.0.1:9100/files/sig.png',
  fulfilments: [],
  reviews: [],
  ...over,
});
const draftPledge = (over: Partial<PledgeView> = {}) => pledge({ status: 'draft', signedAt: null, signatureUrl: null, ...over });

const box = (name: string) => screen.getByRole('textbox', { name });
const type = (name: string, value: string) => fireEvent.change(box(name), { target: { value } });
const select = (label: string, optionText: string) => {
  const el = screen.getByRole('combobox', { name: label }) as HTMLSelectElement;
  const option = within(el).getByRole('option', { name: optionText }) as HTMLOptionElement;
  fireEvent.change(el, { target: { value: option.value } });
};
const signButton = () => screen.getByRole('button', { name: '签署承诺书' });
const padCanvas = () => screen.getByLabelText(/^签名区域/);

/** Draws a stroke on the pad with the mouse, as a person (or Playwright's page.mouse) would. */
function drawOnPad(points: Array<[number, number]>) {
  const canvas = padCanvas();
  const [first, ...rest] = points;
  fireEvent.mouseDown(canvas, { clientX: first[0], clientY: first[1], button: 0 });
  for (const [x, y] of rest) fireEvent.mouseMove(canvas, { clientX: x, clientY: y });
  fireEvent.mouseUp(canvas, { clientX: rest.at(-1)?.[0] ?? first[0], clientY: rest.at(-1)?.[1] ?? first[1] });
}

function fillAllParts() {
  type('业务发展承诺1 承诺内容', '全年新开通5G基站120个');
  type('业务发展承诺1 衡量标准', '网管系统统计');
  type('目标任务承诺1 承诺内容', '营业厅满意度达到98%');
  type('目标任务承诺1 衡量标准', '季度测评结果');
  type('岗位履职承诺1 承诺内容', '带教两名新员工独立上岗');
  type('岗位履职承诺1 衡量标准', '考核通过');
}

describe('我的承诺: the draft', () => {
  const base = (mine: PledgeView | null, extra: Record<string, unknown> = {}) =>
    routes({ 'org.me': okMe(member), 'pledge.mine': ok({ year: YEAR, pledge: mine }), ...(extra as Record<string, never>) });

  it('keeps every change on the device across a remount; 保存草稿 sends the parts and then forgets the local copy', async () => {
    mockCall.mockImplementation(base(null, { 'pledge.save': (input: unknown) => ok(draftPledge({ parts: { business: [], targets: [], post: [] }, ...(input as object) })) }) as never);
    const first = render(<MyPledge />);
    expect(await screen.findByText('2026年度党员承诺')).toBeInTheDocument();
    type('业务发展承诺1 承诺内容', '全年新开通5G基站120个');
    fireEvent.click(screen.getByRole('button', { name: '添加业务发展承诺' }));
    type('业务发展承诺2 承诺内容', '拓展政企专线客户10家');
    expect(screen.getByText('修改已保存在本机，尚未保存到服务器')).toBeInTheDocument();
    first.unmount();

    render(<MyPledge />);
    expect(await screen.findByRole('textbox', { name: '业务发展承诺1 承诺内容' })).toHaveValue('全年新开通5G基站120个');
    expect(box('业务发展承诺2 承诺内容')).toHaveValue('拓展政企专线客户10家');
    const stored = Taro.getStorageSync(pledgeDraftKey('m-001', YEAR)) as { parts: { business: Array<{ text: string }> } };
    expect(stored.parts.business.map((i) => i.text)).toEqual(['全年新开通5G基站120个', '拓展政企专线客户10家']);

    // Client-side rules first: each filled item needs a measure.
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findAllByText('请写明衡量标准（至少 2 个字）')).toHaveLength(2);
    expect(callsOf('pledge.save')).toHaveLength(0);
    type('业务发展承诺1 衡量标准', '网管统计');
    type('业务发展承诺2 衡量标准', '合同签订');
    // Removing the second item, then saving: blank items of the other parts are not sent.
    fireEvent.click(screen.getByRole('button', { name: '删除业务发展承诺第2项' }));
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(callsOf('pledge.save')).toHaveLength(1));
    expect(callsOf('pledge.save')[0][1]).toEqual({ business: [{ text: '全年新开通5G基站120个', measure: '网管统计' }], targets: [], post: [] });
    expect(await screen.findByText('草稿已保存')).toBeInTheDocument();
    expect(Taro.getStorageSync(pledgeDraftKey('m-001', YEAR))).toBe('');
  });

  it('a server draft fills the form; a field error from the server shows under its item', async () => {
    mockCall.mockImplementation(
      base(draftPledge({ parts: { business: [item('i-1', '全年新开通5G基站120个', '网管系统统计')], targets: [], post: [] } }), {
        'pledge.save': fail('INVALID_INPUT', '输入有误', { 'business.0.text': '不能包含网页代码' }),
      }) as never,
    );
    render(<MyPledge />);
    expect(await screen.findByRole('textbox', { name: '业务发展承诺1 承诺内容' })).toHaveValue('全年新开通5G基站120个');
    expect(screen.getByText('草稿已保存')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('不能包含网页代码')).toBeInTheDocument();
  });

  it('签署承诺书 is disabled until all three parts have an item and a signature, and says why', async () => {
    mockCall.mockImplementation(base(null) as never);
    render(<MyPledge />);
    await screen.findByText('2026年度党员承诺');
    expect(signButton()).toBeDisabled();
    const why = screen.getByRole('status', { name: '暂不能签署的原因' });
    expect(why).toHaveTextContent('还需填写：业务发展承诺、目标任务承诺、岗位履职承诺');
    expect(why).toHaveTextContent('还没有手写签名');

    type('业务发展承诺1 承诺内容', '全年新开通5G基站120个');
    type('目标任务承诺1 承诺内容', '营业厅满意度达到98%');
    expect(screen.getByRole('status', { name: '暂不能签署的原因' })).toHaveTextContent('还需填写：岗位履职承诺');
    type('岗位履职承诺1 承诺内容', '带教两名新员工独立上岗');
    expect(screen.getByRole('status', { name: '暂不能签署的原因' })).not.toHaveTextContent('还需填写');
    expect(signButton()).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: '手写签名' }));
    drawOnPad([[20, 20], [60, 40], [100, 30]]);
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    expect(await screen.findByLabelText('我的手写签名')).toHaveAttribute('src', SIG_DATA_URL);
    expect(screen.queryByRole('status', { name: '暂不能签署的原因' })).not.toBeInTheDocument();
    expect(signButton()).toBeEnabled();

    // Emptying a part disables it again.
    type('岗位履职承诺1 承诺内容', '');
    expect(signButton()).toBeDisabled();
  });

  it('refuses an empty signature (nothing drawn, or a stray tap) and 清除 empties the pad', async () => {
    mockCall.mockImplementation(base(null) as never);
    render(<MyPledge />);
    fireEvent.click(await screen.findByRole('button', { name: '手写签名' }));
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    expect(await screen.findByText('请先在框内手写签名')).toBeInTheDocument();
    drawOnPad([[30, 30]]);
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    expect(await screen.findByText('笔画太少，请在框内写下您的姓名')).toBeInTheDocument();
    drawOnPad([[10, 10], [80, 60]]);
    expect(screen.getByText('已签写，可点“确定”使用此签名')).toBeInTheDocument();
    expect(canvasOps).toContain('stroke');
    fireEvent.click(screen.getByRole('button', { name: '清除签名' }));
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    expect(await screen.findByText('请先在框内手写签名')).toBeInTheDocument();
    expect(screen.queryByLabelText('我的手写签名')).not.toBeInTheDocument();
    expect(mockUpload).not.toHaveBeenCalled();
  });

  it('signs: saves the parts, uploads the PNG to the member’s folder, then pledge.sign; shows a refusal and retries without uploading again', async () => {
    const signReplies = [fail('INVALID_INPUT', '三个部分都要有承诺事项才能签署'), ok(pledge())];
    mockCall.mockImplementation(
      base(null, {
        'pledge.save': (input: unknown) => ok(draftPledge(input as Partial<PledgeView>)),
        'pledge.sign': () => signReplies.shift(),
      }) as never,
    );
    render(<MyPledge />);
    await screen.findByText('2026年度党员承诺');
    fillAllParts();
    fireEvent.click(screen.getByRole('button', { name: '手写签名' }));
    drawOnPad([[20, 20], [40, 50], [80, 30], [120, 60]]);
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    await screen.findByLabelText('我的手写签名');

    fireEvent.click(signButton());
    expect(await screen.findByText('三个部分都要有承诺事项才能签署')).toBeInTheDocument();
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '签署承诺书？' }));
    expect(mockUpload).toHaveBeenCalledTimes(1);
    const [path, cloudPath] = mockUpload.mock.calls[0];
    expect(path).toBe(SIG_DATA_URL);
    expect(cloudPath).toMatch(/^pledges\/m-001\/signature-[a-z0-9]+\.png$/);
    const fileId = `cloud://env-1/${cloudPath}`;
    expect(callsOf('pledge.sign')[0][1]).toEqual({ signature: fileId });
    // Saved first, uploaded next, signed last.
    const order = (action: string) => mockCall.mock.invocationCallOrder[mockCall.mock.calls.findIndex(([a]) => a === action)];
    expect(order('pledge.save')).toBeLessThan(mockUpload.mock.invocationCallOrder[0]);
    expect(mockUpload.mock.invocationCallOrder[0]).toBeLessThan(order('pledge.sign'));
    expect(callsOf('pledge.save')[0][1]).toEqual({
      business: [{ text: '全年新开通5G基站120个', measure: '网管系统统计' }],
      targets: [{ text: '营业厅满意度达到98%', measure: '季度测评结果' }],
      post: [{ text: '带教两名新员工独立上岗', measure: '考核通过' }],
    });
    // The parts reached the server (pledge.save), so the device's copy went; the form keeps them.
    expect(Taro.getStorageSync(pledgeDraftKey('m-001', YEAR))).toBe('');
    expect(box('岗位履职承诺1 承诺内容')).toHaveValue('带教两名新员工独立上岗');

    fireEvent.click(signButton());
    expect(await screen.findByText('已签署')).toBeInTheDocument();
    expect(mockUpload).toHaveBeenCalledTimes(1);
    expect(callsOf('pledge.sign')[1][1]).toEqual({ signature: fileId });
    expect(Taro.getStorageSync(pledgeDraftKey('m-001', YEAR))).toBe('');
    // Read-only now.
    expect(screen.queryByRole('textbox', { name: '业务发展承诺1 承诺内容' })).not.toBeInTheDocument();
  });

  it('cancelled confirmation: nothing is uploaded or signed', async () => {
    modalAnswer.confirm = false;
    mockCall.mockImplementation(base(null, { 'pledge.save': ok(draftPledge()) }) as never);
    render(<MyPledge />);
    await screen.findByText('2026年度党员承诺');
    fillAllParts();
    fireEvent.click(screen.getByRole('button', { name: '手写签名' }));
    drawOnPad([[20, 20], [90, 60]]);
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    await screen.findByLabelText('我的手写签名');
    fireEvent.click(signButton());
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(mockUpload).not.toHaveBeenCalled();
    expect(callsOf('pledge.sign')).toHaveLength(0);
  });
});

describe('我的承诺: signed', () => {
  const signed = pledge({
    fulfilments: [{ id: 'f-1', itemId: 'i-1', text: '一季度新开通5G基站32个，超出计划。', photoUrls: ['http://x/p1.jpg'], at: '2026-03-20T02:00:00.000Z' }],
    reviews: [{ period: '2026Q1', rating: 'excellent', comment: '推进有力，佐证充分', by: '王委员', at: '2026-04-02T02:00:00.000Z' }],
  });

  it('is read-only, with 查看承诺书, the fulfilment list and the reviews received', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'pledge.mine': ok({ year: YEAR, pledge: signed }) }) as never);
    render(<MyPledge />);
    expect(await screen.findByText('已签署')).toBeInTheDocument();
    expect(screen.getByText('1. 全年新开通5G基站120个')).toBeInTheDocument();
    expect(screen.getByText('衡量标准：网管系统统计')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: '签署承诺书' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('张红梅的手写签名')).toHaveAttribute('src', signed.signatureUrl);
    expect(screen.getByText('业务发展承诺 1：全年新开通5G基站120个')).toBeInTheDocument();
    expect(screen.getByLabelText('2026年第1季度评议：优，推进有力，佐证充分，评议人王委员')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看承诺书' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.pledgeLetter });
  });

  it('添加践诺: ≥ 10 characters, photos to the member’s folder, the requestId kept across a failure and a remount, cleared on success', async () => {
    let failNext = true;
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'pledge.mine': ok({ year: YEAR, pledge: signed }),
        'pledge.addFulfilment': (input: { requestId: string; itemId: string | null; text: string; photos: string[] }) => {
          if (failNext) {
            failNext = false;
            return fail('INTERNAL', '网络异常，请检查网络后重试');
          }
          return ok({ ...signed, fulfilments: [...signed.fulfilments, { id: 'f-2', itemId: input.itemId, text: input.text, photoUrls: [], at: '2026-05-01T02:00:00.000Z' }] });
        },
      }) as never,
    );
    const first = render(<MyPledge />);
    fireEvent.click(await screen.findByRole('button', { name: '添加践诺' }));
    type('践诺情况', '完成了一些');
    fireEvent.click(screen.getByRole('button', { name: '提交践诺' }));
    expect(await screen.findByText('请至少写 10 个字，现在 5 个字')).toBeInTheDocument();
    expect(callsOf('pledge.addFulfilment')).toHaveLength(0);

    const TEXT = '二季度完成政企专线开通8条，客户均已验收。';
    type('践诺情况', TEXT);
    select('关联承诺事项（可选）', '目标任务承诺 1：营业厅满意度达到98%');
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByRole('button', { name: '删除照片1' });
    expect(mockUpload.mock.calls[0][1]).toMatch(/^pledges\/m-001\/[\w-]+\.jpg$/);
    fireEvent.click(screen.getByRole('button', { name: '提交践诺' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    const firstInput = callsOf('pledge.addFulfilment')[0][1] as { requestId: string; itemId: string; photos: string[]; text: string };
    expect(firstInput).toMatchObject({ itemId: 'i-2', text: TEXT, photos: [expect.stringMatching(/^cloud:\/\/env-1\/pledges\/m-001\//)] });
    const kept = Taro.getStorageSync(fulfilmentDraftKey('pl-1')) as FulfilmentDraft;
    expect(kept).toMatchObject({ text: TEXT, itemId: 'i-2', requestId: firstInput.requestId });
    first.unmount();

    // Back later: the form reopens with the draft; the retry sends the same requestId.
    render(<MyPledge />);
    expect(await screen.findByRole('textbox', { name: '践诺情况' })).toHaveValue(TEXT);
    fireEvent.click(screen.getByRole('button', { name: '提交践诺' }));
    expect(await screen.findByText('践诺记录（2）')).toBeInTheDocument();
    const second = callsOf('pledge.addFulfilment')[1][1] as { requestId: string };
    expect(second.requestId).toBe(firstInput.requestId);
    expect(Taro.getStorageSync(fulfilmentDraftKey('pl-1'))).toBe('');
    // The form closed; the update is listed with its item.
    expect(screen.queryByRole('textbox', { name: '践诺情况' })).not.toBeInTheDocument();
    const updates = within(screen.getByRole('list', { name: '践诺记录' })).getAllByRole('listitem');
    expect(updates[0]).toHaveTextContent(TEXT);
    expect(updates[0]).toHaveTextContent('目标任务承诺 1：营业厅满意度达到98%');
    // A next update gets a new requestId.
    fireEvent.click(screen.getByRole('button', { name: '添加践诺' }));
    type('践诺情况', '三季度又完成政企专线开通5条，客户满意。');
    expect((Taro.getStorageSync(fulfilmentDraftKey('pl-1')) as FulfilmentDraft).requestId).not.toBe(firstInput.requestId);
  });
});

describe('承诺公开栏 and 承诺详情', () => {
  it('lists the signed pledges with collapsible parts; a tap opens the detail', async () => {
    const other = pledge({ id: 'pl-2', member: { id: 'm-002', name: '王建军', group: null }, signedAt: '2026-03-05T02:00:00.000Z' });
    mockCall.mockImplementation(routes({ 'pledge.board': ok({ year: YEAR, items: [other, pledge()] }) }) as never);
    render(<PledgeBoard />);
    expect(await screen.findByText('2026年度承诺公开栏')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '已签署的承诺' });
    const cards = within(list).getAllByRole('listitem');
    // Oldest signature first.
    expect(cards[0]).toHaveTextContent('张红梅');
    expect(cards[1]).toHaveTextContent('王建军');
    expect(cards[1]).toHaveTextContent('未编入党小组 · 2026-03-05 签署');
    expect(screen.queryByText('1. 全年新开通5G基站120个')).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: '展开张红梅的承诺内容' });
    fireEvent.click(toggle);
    expect(screen.getByText('1. 全年新开通5G基站120个')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '收起张红梅的承诺内容' })).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(screen.getByRole('button', { name: /^查看承诺：王建军/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.pledgeDetail}?id=pl-2` });
  });

  it('an empty board says so', async () => {
    mockCall.mockImplementation(routes({ 'pledge.board': ok({ year: YEAR, items: [] }) }) as never);
    render(<PledgeBoard />);
    expect(await screen.findByText('2026年度还没有党员签署承诺')).toBeInTheDocument();
  });

  it('the detail shows parts, signature, updates with photos and reviews', async () => {
    setRouterParams({ id: 'pl-1' });
    const p = pledge({
      fulfilments: [{ id: 'f-1', itemId: null, text: '一季度新开通5G基站32个，超出计划。', photoUrls: ['http://x/p1.jpg', 'http://x/p2.jpg'], at: '2026-03-20T02:00:00.000Z' }],
      reviews: [{ period: '2026Q1', rating: 'good', comment: '按计划推进', by: '王委员', at: '2026-04-02T02:00:00.000Z' }],
    });
    mockCall.mockImplementation(routes({ 'pledge.get': ok(p) }) as never);
    render(<PledgeDetail />);
    expect(await screen.findByText('张红梅 · 2026年度承诺')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('pledge.get', { pledgeId: 'pl-1' });
    expect(screen.getByLabelText('照片 2 张')).toBeInTheDocument();
    expect(screen.getByText('良')).toBeInTheDocument();
    expect(screen.getByLabelText('张红梅的手写签名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看张红梅的承诺书' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.pledgeLetter}?id=pl-1` });
  });
});

describe('承诺书 (the letter image)', () => {
  const measure = (t: string, f: string) => Array.from(t).length * Number(/(\d+)px/.exec(f)![1]);

  it('lays out the title, year, name, group, every item with its measure, the signature and the date, within the width', () => {
    const content = letterContent(pledge(), '网络运维党支部', '2026-03-01');
    const layout = layoutLetter(content, measure);
    const texts = layout.commands.filter((c): c is Extract<typeof c, { kind: 'text' }> => c.kind === 'text').map((c) => c.text);
    for (const t of ['党员承诺书', '2026年度', '网络运维党支部', '承诺人：张红梅', '党小组：第一党小组', '一、业务发展承诺', '二、目标任务承诺', '三、岗位履职承诺', '全年新开通5G基站120个', '衡量标准：考核通过', '承诺人（签名）：', '2026年3月1日']) {
      expect(texts).toContain(t);
    }
    expect(layout.commands).toContainEqual(expect.objectContaining({ kind: 'image', src: 'http://127.0.0.1:9100/files/sig.png' }));
    expect(layout.height).toBeGreaterThanOrEqual(LETTER_MIN_HEIGHT);
    for (const c of layout.commands) {
      if (c.kind !== 'text') continue;
      const w = measure(c.text, c.font);
      const left = c.align === 'center' ? c.x - w / 2 : c.align === 'right' ? c.x - w : c.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(LETTER_WIDTH);
    }
    expect(chineseDate('2026-11-05')).toBe('2026年11月5日');
  });

  it('the page draws my letter with the branch from org.me and offers the PNG for download', async () => {
    const images: Array<{ src: string; onload: (() => void) | null }> = [];
    const RealImage = window.Image;
    (window as unknown as { Image: unknown }).Image = class {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      naturalWidth = 600;
      naturalHeight = 300;
      private s = '';
      get src() {
        return this.s;
      }
      set src(v: string) {
        this.s = v;
        images.push(this as never);
        setTimeout(() => this.onload?.(), 0);
      }
    };
    try {
      mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'pledge.mine': ok({ year: YEAR, pledge: pledge() }) }) as never);
      render(<PledgeLetter />);
      const save = await screen.findByRole('button', { name: '保存承诺书图片' });
      await waitFor(() => expect(save).toBeEnabled());
      expect(images.map((i) => i.src)).toEqual(['http://127.0.0.1:9100/files/sig.png']);
      expect(canvasOps).toContain('text:党员承诺书');
      expect(canvasOps).toContain('text:城东营业部党支部');
      expect(canvasOps).toContain('drawImage');
      fireEvent.click(save);
      const link = await screen.findByRole('link', { name: '下载承诺书 承诺书-张红梅-2026.png' });
      expect(link).toHaveAttribute('href', SIG_DATA_URL);
      expect(link).toHaveAttribute('download', '承诺书-张红梅-2026.png');
      expect(callsOf('pledge.get')).toHaveLength(0);
    } finally {
      (window as unknown as { Image: unknown }).Image = RealImage;
    }
  });

  it('weapp: 保存图片 saves to the album through canvasToTempFilePath', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    const { ctx } = fakeContext();
    const node = { width: 0, height: 0, getContext: () => ctx, createImage: () => ({ src: '', onload: null, onerror: null }) };
    selectorNode.node = node;
    try {
      setRouterParams({ id: 'pl-1' });
      mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'pledge.get': ok(pledge({ signatureUrl: null, signedAt: null, status: 'draft' })) }) as never);
      render(<PledgeLetter />);
      expect(await screen.findByText('尚未签署：这是承诺书的草稿样式。')).toBeInTheDocument();
      const save = await screen.findByRole('button', { name: '保存承诺书图片' });
      await waitFor(() => expect(save).toBeEnabled());
      expect(node.width).toBeGreaterThanOrEqual(750);
      await act(async () => {
        fireEvent.click(save);
      });
      await waitFor(() => expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: '/tmp/poster.png' }));
      expect(Taro.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas: node }));
    } finally {
      process.env.TARO_ENV = env;
      selectorNode.node = null;
    }
  });
});

describe('践诺评议 (committee members)', () => {
  const period = currentPeriod();
  const queueItem = (over: Partial<ActionOutput<'pledge.reviewQueue'>['items'][number]> = {}) => ({ ...pledge(), reviewed: false, updatesThisQuarter: 2, ...over });

  it('sends the rating and comment after confirming, and shows a refusal from the server', async () => {
    const replies = [fail('FORBIDDEN', '只能评议您联系的党小组的党员'), ok(pledge())];
    let reviewed = false;
    mockCall.mockImplementation(
      routes({
        'pledge.reviewQueue': () => ok({ period, items: [queueItem({ reviewed, reviews: reviewed ? [{ period, rating: 'good', comment: '按计划推进', by: '王委员', at: '2026-04-02T02:00:00.000Z' }] : [] })] }),
        'pledge.review': () => {
          const r = replies.shift() ?? fail('CONFLICT', '本季度已评议');
          if (r.ok) reviewed = true;
          return r;
        },
      }) as never,
    );
    render(<PledgeReviews />);
    expect(await screen.findByText('共 1 人，待评议 1 人')).toBeInTheDocument();
    expect(screen.getByText(/践诺记录 2 条/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '评议张红梅' }));
    fireEvent.click(screen.getByRole('button', { name: '提交张红梅的评议' }));
    expect(await screen.findByText('请选择评议等次')).toBeInTheDocument();
    expect(screen.getByText('请填写评语')).toBeInTheDocument();
    expect(callsOf('pledge.review')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '良' }));
    expect(screen.getByRole('button', { name: '良' })).toHaveAttribute('aria-pressed', 'true');
    type('评语', ' 按计划推进 ');
    fireEvent.click(screen.getByRole('button', { name: '提交张红梅的评议' }));
    expect(await screen.findByText('只能评议您联系的党小组的党员')).toBeInTheDocument();
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交践诺评议？', content: expect.stringContaining('等次：良') }));
    expect(callsOf('pledge.review')[0][1]).toEqual({ pledgeId: 'pl-1', period, rating: 'good', comment: '按计划推进' });

    fireEvent.click(screen.getByRole('button', { name: '提交张红梅的评议' }));
    expect(await screen.findByText('已评议：良')).toBeInTheDocument();
    expect(screen.getByText('共 1 人，待评议 0 人')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '评议张红梅' })).not.toBeInTheDocument();
  });

  it('a cancelled confirmation sends nothing; another quarter is asked for by period', async () => {
    modalAnswer.confirm = false;
    mockCall.mockImplementation(routes({ 'pledge.reviewQueue': (input: { period: string }) => ok({ period: input.period, items: [queueItem()] }) }) as never);
    render(<PledgeReviews />);
    fireEvent.click(await screen.findByRole('button', { name: '评议张红梅' }));
    fireEvent.click(screen.getByRole('button', { name: '优' }));
    type('评语', '很好');
    fireEvent.click(screen.getByRole('button', { name: '提交张红梅的评议' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(callsOf('pledge.review')).toHaveLength(0);
    expect(mockCall).toHaveBeenCalledWith('pledge.reviewQueue', { period });
  });
});

describe('承诺践诺情况 (secretary)', () => {
  it('shows signed / members, 未承诺 with 草稿中, and 本季度无践诺记录', async () => {
    const period = currentPeriod();
    mockCall.mockImplementation(
      routes({
        'pledge.status': ok({
          period,
          members: 5,
          signed: 3,
          notPledged: [
            { id: 'm-4', name: '赵敏', group: '第二党小组', draft: true },
            { id: 'm-5', name: '钱进', group: null, draft: false },
          ],
          noUpdate: [{ id: 'm-1', name: '张红梅', group: '第一党小组' }],
        }),
      }) as never,
    );
    render(<PledgeStatus />);
    expect(await screen.findByText('3 / 5')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '已签署 3 / 5 人，60%' })).toBeInTheDocument();
    const notPledged = within(screen.getByRole('list', { name: '未承诺的党员' }));
    expect(notPledged.getByRole('listitem', { name: '赵敏，第二党小组，草稿中' })).toHaveTextContent('草稿中');
    expect(notPledged.getByRole('listitem', { name: '钱进，未编入党小组，未开始' })).not.toHaveTextContent('草稿中');
    const none = within(screen.getByRole('list', { name: '本季度无践诺记录的党员' }));
    expect(none.getByText('张红梅')).toBeInTheDocument();
    expect(screen.getByText('本季度无践诺记录（1）')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('pledge.status', { period });
  });
});

describe('组织架构: 联系委员', () => {
  const pyramid: ActionOutput<'org.pyramid'> = {
    branch: { id: 'b-1', name: '网络运维党支部' },
    committee: [
      { member: { id: 'm-00', name: '李建国' }, duty: '支部书记', roles: ['member', 'secretary'], dutyItems: [] },
      { member: { id: 'm-07', name: '王委员' }, duty: '组织委员', roles: ['member', 'committeeMember'], dutyItems: [] },
    ],
    groups: [
      { id: 'g-1', name: '第一党小组', leader: { id: 'm-02', name: '张红梅' }, liaison: null, members: [] },
      { id: 'g-2', name: '第二党小组', leader: null, liaison: { id: 'm-07', name: '王委员' }, members: [] },
    ],
    units: [],
  };

  it('picks a committee member for a group, confirmed, saved with the name and leader unchanged', async () => {
    mockCall.mockImplementation(
      routes({ 'org.pyramid': ok(pyramid), 'org.members': ok({ members: [] }), 'org.saveGroup': ok({ ...pyramid.groups[0], liaison: { id: 'm-07', name: '王委员' } }) }) as never,
    );
    render(<Structure />);
    const picker = (await screen.findByRole('combobox', { name: '联系委员（第一党小组）' })) as HTMLSelectElement;
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['不设置（由支部书记评议）', '李建国（支部书记）', '王委员（组织委员）']);
    expect(screen.getByRole('button', { name: '联系委员（第二党小组）：王委员（组织委员）' })).toBeInTheDocument();

    modalAnswer.confirm = false;
    select('联系委员（第一党小组）', '王委员（组织委员）');
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('org.saveGroup')).toHaveLength(0);

    modalAnswer.confirm = true;
    select('联系委员（第一党小组）', '王委员（组织委员）');
    await waitFor(() => expect(callsOf('org.saveGroup')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '设置“第一党小组”的联系委员？', content: expect.stringContaining('联系委员：王委员（组织委员）') }));
    expect(callsOf('org.saveGroup')[0][1]).toEqual({ groupId: 'g-1', name: '第一党小组', leaderId: 'm-02', liaisonId: 'm-07' });

    // Clearing one: liaisonId null (the secretary reviews that group).
    select('联系委员（第二党小组）', '不设置（由支部书记评议）');
    await waitFor(() => expect(callsOf('org.saveGroup')).toHaveLength(2));
    expect(callsOf('org.saveGroup')[1][1]).toEqual({ groupId: 'g-2', name: '第二党小组', leaderId: null, liaisonId: null });
  });
});

describe('我的: identity entries', () => {
  it('every member sees 徽章打卡, 我的承诺, 承诺公开栏 and 主题党日; 践诺评议 only committee members and the secretary', async () => {
    mockCall.mockResolvedValue(okMe(member));
    const first = render(<Mine />);
    fireEvent.click(await screen.findByRole('button', { name: '我的承诺' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.pledge });
    fireEvent.click(screen.getByRole('button', { name: '徽章打卡' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.checkin });
    fireEvent.click(screen.getByRole('button', { name: '查看承诺公开栏' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.pledgeBoard });
    fireEvent.click(screen.getByRole('button', { name: '主题党日活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.activities });
    expect(screen.queryByRole('button', { name: '践诺评议' })).not.toBeInTheDocument();
    first.unmount();

    for (const who of [secretary, { ...member, roles: ['member' as const, 'committeeMember' as const] }]) {
      mockCall.mockResolvedValue(okMe(who));
      const view = render(<Mine />);
      fireEvent.click(await screen.findByRole('button', { name: '践诺评议' }));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.pledgeReviews });
      view.unmount();
    }
  });
});

describe('pure helpers', () => {
  it('signature ink and pledge parts', () => {
    expect(hasSignature([])).toBe(false);
    expect(hasSignature([[{ x: 1, y: 1 }]])).toBe(false);
    expect(inkLength([[{ x: 0, y: 0 }, { x: 3, y: 4 }], [{ x: 0, y: 0 }, { x: 0, y: 10 }]])).toBe(15);
    expect(hasSignature([[{ x: 0, y: 0 }, { x: 3, y: 4 }], [{ x: 0, y: 0 }, { x: 0, y: 10 }]])).toBe(true);
    const parts = blankParts();
    expect(missingParts(parts)).toEqual(['business', 'targets', 'post']);
    parts.business = [{ text: '  ', measure: '' }, { text: '写三个', measure: 'x' }];
    expect(validateParts(parts)).toEqual({ 'business.0.text': '承诺内容至少 4 个字', 'business.0.measure': '请写明衡量标准（至少 2 个字）' });
  });

  it('the pad alone hands a PNG to its owner once something is written', async () => {
    const onConfirm = jest.fn();
    render(<SignaturePad canvasId='t' onConfirm={onConfirm} />);
    drawOnPad([[5, 5], [50, 5]]);
    fireEvent.click(screen.getByRole('button', { name: '确定签名' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith(SIG_DATA_URL));
  });
});
