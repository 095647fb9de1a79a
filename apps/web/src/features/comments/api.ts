import { commentStat, commentTopic, surveyComment } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type Query, withQuery } from '../../shared/api.js';

export type CommentFilter = { status?: string; topic?: string };

export const commentKeys = { all: ['comments'] as const };

export const useComments = (f: CommentFilter) =>
  useQuery({
    queryKey: [...commentKeys.all, 'list', f],
    queryFn: () => api.get('/api/survey-comments', z.array(surveyComment), f as Query),
  });

export const useCommentStats = (enabled: boolean) =>
  useQuery({
    queryKey: [...commentKeys.all, 'stats'],
    queryFn: () => api.get('/api/survey-comments/stats', z.array(commentStat)),
    enabled,
  });

export const useTopics = (enabled: boolean) =>
  useQuery({
    queryKey: [...commentKeys.all, 'topics'],
    queryFn: () => api.get('/api/comment-topics', z.array(commentTopic)),
    enabled,
  });

export const exportUrl = (f: CommentFilter) => withQuery('/api/survey-comments/export', f as Query);

export type CommentStepBody =
  | { action: 'classify'; unitId: number | null; topic: string | null; version: number }
  | { action: 'dispatch'; version: number }
  | { action: 'answer'; answer: string; version: number }
  | { action: 'close'; note?: string; version: number }
  | { action: 'return'; note: string; version: number };

export const commentStep = (id: number, body: CommentStepBody) =>
  api.post(`/api/survey-comments/${id}/steps`, surveyComment, body);

export const addObservation = (body: { text: string; unitId: number | null; topic: string | null }) =>
  api.post('/api/survey-comments', surveyComment, body);

export const saveTopics = (list: z.infer<typeof commentTopic>[]) =>
  api.put('/api/comment-topics', z.array(commentTopic), list);
