/**
 * 徽章打卡: once per China calendar day, a camera photo wearing the Party badge (the server
 * checks the image), with an optional location. Top: today's state (已打卡 with the photo, or
 * 拍照打卡); the streak; the month calendar (badgeCheckin.mine with `month`, ‹ ›, checked days
 * marked ✓ in text, today outlined); 今日打卡墙 (badgeCheckin.wall, N/M 人已打卡).
 *
 * The photo goes to `checkins/<memberId>/…` (the only folder the server accepts), then
 * badgeCheckin.submit. The picked photo — and its upload — are kept until the server answers
 * yes, so a retry after a network error sends the same file again; CONTENT_REJECTED shows the
 * server's reason beside the photo and asks for a new one.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { ErrorAlert } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { safeCall } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import type { ActionOutput, ApiError, CheckinView } from '@/services/api';
import { WEEKDAY_LABELS, checkinFolder, monthLabel, monthWeeks, shiftMonth } from '../../lib/checkin';
import './index.css';
import { explainRefusal, isCancel, isRefused } from '@/lib/permissions';

type Mine = ActionOutput<'badgeCheckin.mine'>;
type Outcome = ActionOutput<'badgeCheckin.submit'>;
type Place = { latitude: number; longitude: number; name: string | null };

/** The photo being checked in with: kept (with its upload) until the server accepts it. */
export interface Picked {
  path: string;
  /** Set once uploaded: a retry reuses it instead of uploading again. */
  fileId: string | null;
  /** The image check's refusal: this photo cannot be used, take another. */
  rejected: string | null;
}

const UPLOAD_FAILED: ApiError = { code: 'INTERNAL', message: '照片上传失败，请检查网络后重试' };


/** The front camera (a photo of oneself wearing the badge); H5 gives a file input with capture. */
async function takePhoto(): Promise<string | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], camera: 'front', sizeType: ['compressed'] });
    return res.tempFiles[0]?.tempFilePath ?? null;
  } catch (e) {
    if (isRefused(e)) await explainRefusal('camera');
    else if (!isCancel(e)) toast('无法打开相机，请重试');
    return null;
  }
}

/** The phone's position, or null (permission refused, no GPS, H5 without geolocation). */
async function locate(): Promise<Place | null> {
  try {
    // WeChat maps use gcj02; the browser only gives GPS (wgs84).
    const res = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    if (typeof res.latitude !== 'number' || typeof res.longitude !== 'number') return null;
    return { latitude: round(res.latitude), longitude: round(res.longitude), name: null };
  } catch {
    return null;
  }
}

function previewAll(urls: string[], current: string) {
  void Taro.previewImage({ urls, current }).catch(() => undefined);
}

/** 添加位置: a toggle that asks for the position when switched on; a refusal leaves it off. */
function PlaceToggle({ place, onChange }: { place: Place | null; onChange: (p: Place | null) => void }) {
  const [locating, setLocating] = useState(false);
  const on = place !== null;
  const toggle = async () => {
    if (on) {
      onChange(null);
      return;
    }
    setLocating(true);
    const got = await locate();
    setLocating(false);
    if (got) onChange(got);
    else toast('未能获取位置，本次打卡不带位置');
  };
  return (
    <View className='row'>
      <Text className='row__label'>{on ? '已添加位置' : '添加位置（可选）'}</Text>
      <Button
        className={`chip checkin-toggle${on ? ' chip--on' : ''}`}
        aria-pressed={on}
        aria-label='添加位置'
        disabled={locating || undefined}
        onClick={() => void toggle()}
      >
        {locating ? '正在定位…' : on ? '✓ 已开启' : '未开启'}
      </Button>
    </View>
  );
}

function CheckinPhoto({ url, label }: { url: string | null; label: string }) {
  if (!url) return <Text className='text text--small text--muted'>照片暂时无法显示</Text>;
  return <Image className='checkin-photo' src={url} mode='aspectFit' aria-label={`${label}，点击查看大图`} onClick={() => previewAll([url], url)} />;
}

/** The month calendar: a ✓ under every day checked in (not colour alone), today outlined. */
function MonthCalendar({ mine, today, loading, error, onMonth, onRetry }: { mine: Mine; today: string; loading: boolean; error: ApiError | null; onMonth: (month: string) => void; onRetry: () => void }) {
  const checked = new Set(mine.days);
  const thisMonth = today.slice(0, 7);
  const canNext = mine.month < thisMonth;
  const [, m] = mine.month.split('-').map(Number);
  return (
    <View className='card'>
      <View className='cal__head'>
        <Button className={`btn btn--plain btn--small${loading ? ' cal__nav--off' : ''}`} aria-label='上个月' disabled={loading || undefined} onClick={() => onMonth(shiftMonth(mine.month, -1))}>
          ‹ 上月
        </Button>
        <Text className='cal__title'>{monthLabel(mine.month)}</Text>
        <Button
          className={`btn btn--plain btn--small${canNext && !loading ? '' : ' cal__nav--off'}`}
          aria-label='下个月'
          disabled={loading || !canNext || undefined}
          onClick={() => onMonth(shiftMonth(mine.month, 1))}
        >
          下月 ›
        </Button>
      </View>
      <View role='status'>
        <Text className='text text--small'>{loading ? '正在加载…' : `${m}月打卡 ${mine.days.length} 天`}</Text>
      </View>
      {error ? (
        <View className='alert' role='alert'>
          <Text>{error.message}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重新加载日历' onClick={onRetry}>
            重试
          </Button>
        </View>
      ) : null}
      <View className='cal' role='grid' aria-label={`${monthLabel(mine.month)}打卡日历`}>
        <View className='cal__row' role='row'>
          {WEEKDAY_LABELS.map((w) => (
            <View key={w} className='cal__weekday' role='columnheader' aria-label={`星期${w}`}>
              <Text>{w}</Text>
            </View>
          ))}
        </View>
        {monthWeeks(mine.month).map((week, i) => (
          <View key={i} className='cal__row' role='row'>
            {week.map((cell, j) => {
              if (!cell) return <View key={`b${j}`} className='cal__cell cal__cell--blank' role='gridcell' aria-hidden='true' />;
              const done = checked.has(cell.day);
              const isToday = cell.day === today;
              const label = `${m}月${cell.date}日，${done ? '已打卡' : '未打卡'}${isToday ? '，今天' : ''}`;
              return (
                <View key={cell.day} className={`cal__cell${done ? ' cal__cell--done' : ''}${isToday ? ' cal__cell--today' : ''}`} role='gridcell' aria-label={label}>
                  <Text className='cal__date'>{cell.date}</Text>
                  <Text className='cal__mark'>{done ? '✓' : ' '}</Text>
                </View>
              );
            })}
          </View>
        ))}
      </View>
      <Text className='text text--small text--muted'>✓ 表示当天已打卡，方框表示今天。</Text>
    </View>
  );
}

function Wall({ items, members, reload, status, error }: { items: CheckinView[]; members: number; reload: () => void; status: string; error: ApiError | null }) {
  const urls = items.map((i) => i.photoUrl).filter((u): u is string => Boolean(u));
  return (
    <View className='card'>
      <Text className='card__title'>今日打卡墙</Text>
      {status === 'error' ? (
        <View className='alert' role='alert'>
          <Text>{error?.message ?? '打卡墙加载失败'}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重新加载打卡墙' onClick={reload}>
            重试
          </Button>
        </View>
      ) : null}
      {status === 'ready' ? (
        <View>
          <View role='status'>
            <Text className='text'>{`${items.length}/${members} 人已打卡`}</Text>
          </View>
          {items.length === 0 ? <Text className='text text--muted'>今天还没有人打卡，来做第一个吧。</Text> : null}
          <View className='wall' role='list' aria-label='今日打卡墙'>
            {items.map((c) => (
              <View key={c.member.id} className='wall__item' role='listitem' aria-label={`${c.member.name}，${chinaDateTime(c.at).slice(11)}打卡${c.place ? `，${c.place}` : ''}`}>
                {c.photoUrl ? (
                  <Image className='wall__photo' src={c.photoUrl} mode='aspectFill' aria-label={`${c.member.name}的打卡照片，点击查看大图`} onClick={() => previewAll(urls, c.photoUrl ?? '')} />
                ) : (
                  <View className='wall__photo wall__photo--none'>
                    <Text className='text text--small text--muted'>无照片</Text>
                  </View>
                )}
                <Text className='wall__name'>{c.member.name}</Text>
                <Text className='wall__time'>{chinaDateTime(c.at).slice(11)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {status === 'loading' ? <Text className='text text--muted'>正在加载…</Text> : null}
    </View>
  );
}

export default function Checkin() {
  const me = useAction('org.me', {});
  const [month, setMonth] = useState<string | null>(null);
  // The first read asks for "this month" (the server's China today); switching asks for that month.
  const mine = useAction('badgeCheckin.mine', month ? { month } : {});
  const wall = useAction('badgeCheckin.wall', {});
  const [summary, setSummary] = useState<Mine | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dayPoints, setDayPoints] = useState<number | null>(null);

  useEffect(() => {
    if (mine.data) setSummary(mine.data);
  }, [mine.data]);

  // Points per day, from the rules in force (quietly: the page works without it).
  useEffect(() => {
    let live = true;
    void safeCall('points.rules', {}).then((res) => {
      const rule = res.ok ? res.data.inForce.find((r) => r.code === 'badgeCheckin') : undefined;
      if (live && rule) setDayPoints(rule.points);
    });
    return () => {
      live = false;
    };
  }, []);

  const reloadAll = useCallback(() => {
    void mine.reload();
    void wall.reload();
  }, [mine.reload, wall.reload]);
  useReloadOnShow(reloadAll);

  const memberId = me.data?.memberId ?? '';

  const shoot = async () => {
    const path = await takePhoto();
    if (!path) return;
    setPicked({ path, fileId: null, rejected: null });
    setError(null);
  };

  const submit = async () => {
    if (!picked || picked.rejected || busy || !memberId) return;
    setBusy(true);
    setError(null);
    let fileId = picked.fileId;
    if (!fileId) {
      try {
        fileId = await uploadFile(picked.path, photoCloudPath(checkinFolder(memberId), picked.path));
      } catch {
        setBusy(false);
        setError(UPLOAD_FAILED);
        return;
      }
      const uploaded = fileId;
      setPicked((p) => (p && p.path === picked.path ? { ...p, fileId: uploaded } : p));
    }
    const res = await safeCall('badgeCheckin.submit', { photo: fileId, location: place });
    setBusy(false);
    if (res.ok) {
      setOutcome(res.data);
      setPicked(null);
      toast(res.data.alreadyToday ? '今天已经打过卡了' : '打卡成功', res.data.alreadyToday ? 'none' : 'success');
      reloadAll();
      return;
    }
    setError(res.error);
    // The image check refused this photo: it cannot be sent again. Anything else keeps the upload for 重新提交.
    if (res.error.code === 'CONTENT_REJECTED') setPicked((p) => (p ? { ...p, rejected: res.error.message } : p));
  };

  const notMember = (me.status === 'error' && me.error.code === 'UNAUTHENTICATED') || (mine.status === 'error' && mine.error.code === 'UNAUTHENTICATED');
  const firstError = me.status === 'error' ? me.error : !summary && mine.status === 'error' ? mine.error : null;
  const status = notMember || firstError ? 'error' : summary && me.data ? 'ready' : 'loading';
  const today = summary?.today ?? '';
  const checkedToday = Boolean(outcome) || Boolean(summary?.checkedToday);
  const myWall = wall.data?.items.find((i) => i.member.id === memberId) ?? null;
  const streak = outcome && !mine.data ? outcome.streak : (summary?.streak ?? 0);

  return (
    <PageShell
      status={status}
      errorMessage={firstError?.message}
      onRetry={() => {
        void me.reload();
        void mine.reload();
      }}
      errorContent={notMember ? <NotMember message='加入支部后才能打卡' /> : undefined}
    >
      {summary ? (
        <View>
          <View className='card' aria-live='polite'>
            <Text className='card__title'>{`今日打卡 · ${today}`}</Text>
            {outcome ? (
              <View role='status'>
                <Text className='checkin-result'>{outcome.alreadyToday ? '今天已经打过卡了' : '打卡成功'}</Text>
                <CheckinPhoto url={outcome.checkin.photoUrl} label='今天的打卡照片' />
                {outcome.checkin.place ? <Text className='text text--small text--muted'>{`位置：${outcome.checkin.place}`}</Text> : null}
                <Text className='text'>{`已连续打卡 ${outcome.streak} 天`}</Text>
              </View>
            ) : checkedToday ? (
              <View role='status'>
                <Text className='checkin-result'>今日已打卡</Text>
                {myWall ? <CheckinPhoto url={myWall.photoUrl} label='今天的打卡照片' /> : null}
                {myWall ? <Text className='text text--small text--muted'>{`${chinaDateTime(myWall.at)}${myWall.place ? ` · ${myWall.place}` : ''}`}</Text> : null}
              </View>
            ) : picked ? (
              <View>
                <Image className='checkin-photo' src={picked.path} mode='aspectFit' aria-label='刚拍的打卡照片' />
                {picked.rejected ? (
                  <View className='alert' role='alert'>
                    <Text>{picked.rejected}</Text>
                    <Text className='text text--small'>请重新拍一张清楚佩戴党徽的照片。</Text>
                  </View>
                ) : (
                  <View>
                    <PlaceToggle place={place} onChange={setPlace} />
                    <ErrorAlert error={error} />
                    <Button className='btn btn--primary' aria-label={error ? '重新提交打卡' : '提交打卡'} disabled={busy || undefined} onClick={() => void submit()}>
                      {busy ? '正在提交…' : error ? '重新提交' : '提交打卡'}
                    </Button>
                  </View>
                )}
                <Button className={`btn ${picked.rejected ? 'btn--primary' : 'btn--plain'}`} aria-label='重新拍照' disabled={busy || undefined} onClick={() => void shoot()}>
                  重新拍照
                </Button>
              </View>
            ) : (
              <View>
                <Text className='text text--muted'>佩戴党徽，用前置摄像头拍一张照片完成今天的打卡。</Text>
                <PlaceToggle place={place} onChange={setPlace} />
                <Button className='btn btn--primary checkin-shoot' aria-label='拍照打卡' onClick={() => void shoot()}>
                  拍照打卡
                </Button>
              </View>
            )}
            {dayPoints !== null ? <Text className='text text--small text--muted'>{`每天打卡计 ${dayPoints} 分，每天一次。`}</Text> : <Text className='text text--small text--muted'>每天可打卡一次，计入积分档案。</Text>}
          </View>

          <View className='card' role='status' aria-label={`连续打卡 ${streak} 天`}>
            <Text className='row__label'>连续打卡</Text>
            <Text className='big-number'>{`${streak} 天`}</Text>
            {!checkedToday && streak > 0 ? <Text className='text text--small text--muted'>今天打卡后连续天数继续累计。</Text> : null}
          </View>

          <MonthCalendar
            mine={summary}
            today={today}
            loading={mine.status === 'loading'}
            error={mine.status === 'error' ? mine.error : null}
            onMonth={setMonth}
            onRetry={() => void mine.reload()}
          />

          <Wall items={wall.data?.items ?? []} members={wall.data?.members ?? 0} reload={() => void wall.reload()} status={wall.status} error={wall.error} />
        </View>
      ) : null}
    </PageShell>
  );
}
