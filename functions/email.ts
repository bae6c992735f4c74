import type { Config } from './config.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export type SendEmail = (message: EmailMessage) => Promise<void>;

/**
 * Email through Cloudflare Email Service's REST API, the same on Node and on the Worker:
 * configured by EMAIL_FROM (an address on a domain onboarded for sending),
 * CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_EMAIL_TOKEN (an API token allowed to send). Without
 * them the portal sends no email and says so nowhere it would promise one.
 */
export function cloudflareEmail(config: Partial<Pick<Config, 'EMAIL_FROM' | 'CLOUDFLARE_ACCOUNT_ID' | 'CLOUDFLARE_EMAIL_TOKEN'>>, fetcher: typeof fetch): SendEmail | undefined {
  const { EMAIL_FROM: from, CLOUDFLARE_ACCOUNT_ID: account, CLOUDFLARE_EMAIL_TOKEN: token } = config;
  if (!from || !account || !token) return undefined;
  return async ({ to, subject, text }) => {
    const res = await fetcher(`https://api.cloudflare.com/client/v4/accounts/${encodeURIComponent(account)}/email/sending/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: { address: from, name: 'Etalase Jabar' }, to, subject, text }),
      signal: AbortSignal.timeout(8000),
    });
    const body = (await res.json().catch(() => null)) as { success?: boolean; errors?: { message?: string }[] } | null;
    if (!res.ok || !body?.success) throw new Error(`Email Service menjawab ${res.status}: ${body?.errors?.map((e) => e.message).join('; ') ?? 'tanpa keterangan'}`);
  };
}

/** The owner's copy of the private link, in plain words. */
export function statusLinkEmail(to: string, businessName: string, statusUrl: string): EmailMessage {
  return {
    to,
    subject: `Tautan status pendaftaran ${businessName} di Etalase Jabar`,
    text: [
      `Terima kasih telah mendaftarkan ${businessName} di Etalase Jabar.`,
      '',
      'Simpan tautan pribadi ini. Dengan tautan ini Anda dapat melihat status pendaftaran, mengubah data usaha, atau menghapusnya kapan saja:',
      statusUrl,
      '',
      'Jangan bagikan tautan ini kepada orang lain. Tautan yang hilang hanya dapat diganti melalui petugas Dinas KUMKM Jawa Barat.',
      '',
      'Anda menerima email ini karena alamat ini diisi pada formulir pendaftaran. Bila Anda tidak merasa mendaftar, abaikan email ini.',
    ].join('\n'),
  };
}

/**
 * Sends the owner a copy of the private link when there is an address and an email
 * service. A failed send is logged and reported as not sent; the registration stands.
 */
export async function sendStatusLink(
  deps: { sendEmail: SendEmail | null; log: (message: string, error: unknown) => void },
  to: string | null | undefined,
  businessName: string,
  statusUrl: string,
): Promise<boolean> {
  if (!to || !deps.sendEmail) return false;
  try {
    await deps.sendEmail(statusLinkEmail(to, businessName, statusUrl));
    return true;
  } catch (error) {
    deps.log('Salinan tautan status tidak terkirim lewat email', error);
    return false;
  }
}
