import { createTransport, type Transporter } from 'nodemailer';
import { UpstreamUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';

/** One outgoing message: a plain-text body, and an HTML one for clients that show it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Outgoing mail, as a domain sees it (DESIGN §9): it either hands the message to the server or throws. */
export interface Mailer {
  /** Whether a mail server is configured at all; callers check it before doing work they can't finish. */
  readonly configured: boolean;
  /**
   * Sends one message.
   * @throws UpstreamUnavailableError `not_configured` (503) without `SMTP_URL`, `unreachable` (502) when the server
   *   can't be reached or refuses the message.
   */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS from the start); unset → not configured. */
  smtpUrl: string | undefined;
  /** The `From` of every message. */
  from: string;
  logger: Logger;
}

/** Gives up on an unresponsive server within seconds rather than holding the request for nodemailer's minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** SMTP through nodemailer; one transport per process, connections opened per message. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter | null;
  private readonly host: string;

  constructor(private readonly options: SmtpMailerOptions) {
    const url = options.smtpUrl ? new URL(options.smtpUrl) : null;
    this.host = url ? `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}` : '';
    this.transport = url ? createTransport({ url: options.smtpUrl!, ...TIMEOUTS }) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      throw new UpstreamUnavailableError('Email delivery is not configured (set SMTP_URL)', 'not_configured');
    }
    try {
      // base64 keeps long lines (links) intact on the wire, where quoted-printable would wrap them.
      await this.transport.sendMail({ from: this.options.from, ...message, textEncoding: 'base64' });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.options.logger.warn({ err: detail, host: this.host }, 'sending mail failed');
      const refused = typeof (e as { responseCode?: unknown }).responseCode === 'number';
      throw new UpstreamUnavailableError(
        refused ? `The mail server at ${this.host} refused the message` : `The mail server at ${this.host} is unreachable`,
      );
    }
  }

  close(): void {
    this.transport?.close();
  }
}
