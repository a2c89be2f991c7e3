// Builders of model objects for tests: a finished song with neutral defaults, so that each test
// spells out only the fields it is about.
import type { Clip, Task } from '../../../src/core/task/model';

export function buildClip(overrides: Partial<Clip> = {}): Clip {
  return {
    id: 'clip-1',
    title: 'City Lights',
    status: 'succeeded',
    rawStatus: 'complete',
    audioUrl: null,
    videoUrl: null,
    imageUrl: null,
    imageLargeUrl: null,
    durationSeconds: null,
    tags: null,
    model: null,
    lyrics: null,
    description: null,
    createdAt: null,
    errorMessage: null,
    isStreaming: false,
    ...overrides,
  };
}

export function buildTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    baseUrl: 'https://api.gpt.ge',
    action: 'music',
    title: 'City Lights',
    status: 'succeeded',
    rawStatus: 'SUCCESS',
    progress: 100,
    failReason: null,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    clips: [buildClip()],
    lyrics: null,
    fetchedAt: '2024-12-09T04:20:00Z',
    ...overrides,
  };
}
