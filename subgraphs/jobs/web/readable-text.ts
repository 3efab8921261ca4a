import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ReadableText {
  title: string | null;
  text: string;
  excerpt: string | null;
}

/** The main text of an HTML page (Mozilla's Readability), or its whole body text when no article stands out. */
export function readableText(html: string): ReadableText {
  const { document } = parseHTML(html);
  const title = document.querySelector('title')?.textContent?.trim() || null;
  const article = new Readability(document.cloneNode(true) as unknown as Document).parse();
  const text = (article?.textContent ?? document.body?.textContent ?? '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/[ \t]{2,}/g, ' ').trim();
  return { title: article?.title?.trim() || title, text, excerpt: article?.excerpt?.trim() || null };
}
