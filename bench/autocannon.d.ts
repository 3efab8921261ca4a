// autocannon ships no types and @types/autocannon is not installed: declare the part of the API the bench uses.
declare module 'autocannon' {
  interface Histogram { average: number; p50: number; p99: number }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  export default function autocannon(options: {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    verifyBody?: (body: string) => boolean;
  }): Promise<Result>;
}
