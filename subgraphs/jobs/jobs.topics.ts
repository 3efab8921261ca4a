/** What every job event publishes on the shared pub/sub (Redis across replicas when configured). */
export interface JobProgressPayload {
  jobId: string;
  userId: string;
  eventType: string;
  status: string;
  progressPercent: number;
  sequenceNumber: number;
  message: string | null;
  stage: string | null;
  timestamp: string;
}

/** Topics: one per job (its watchers) and one per user (`myJobs`). */
export const JobTopic = {
  job: (jobId: string) => `jobs:job:${jobId}`,
  user: (userId: string) => `jobs:user:${userId}`,
} as const;
