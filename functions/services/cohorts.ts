import { cohortOwners } from '../../db/queries/cohorts.ts';
import { whatsappLink } from '../../src/core/phone.ts';
import type { AppDeps } from '../deps.ts';
import { invitationTokens } from './invitations.ts';
import { statusUrl } from './registration.ts';

/** One owner of a cohort with the message and link staff send them. */
export interface Invitation {
  id: number;
  name: string;
  whatsapp: string;
  regencyCode: string;
  status: string;
  /** The owner's private link, or null when staff have since issued them another (it is theirs alone then). */
  url: string | null;
  message: string;
  /** A one-tap WhatsApp chat to the owner with the message filled in. */
  chat: string | null;
}

/** The invitation in Indonesian: who writes, what was prepared, the private link, and how to say no. */
export function invitationMessage(cohort: string, name: string, status: string, url: string): string {
  return status === 'invited'
    ? `Halo, kami dari program ${cohort} (Dinas KUMKM Jawa Barat). Data usaha "${name}" sudah kami siapkan untuk Etalase Jabar, direktori UMKM Jawa Barat, tetapi belum tampil. Mohon periksa, perbaiki bila perlu, lalu konfirmasi di tautan pribadi ini (jangan dibagikan): ${url} . Bila tidak berkenan, pilih "Tolak" di tautan yang sama dan datanya kami hapus.`
    : `Halo, kami dari program ${cohort} (Dinas KUMKM Jawa Barat). Usaha "${name}" sudah didaftarkan di Etalase Jabar sesuai persetujuan Anda dan sedang diperiksa petugas. Simpan tautan pribadi ini untuk melihat status atau mengubah data (jangan dibagikan): ${url}`;
}

/** Every owner of the cohort who has a link to receive, with the message and a one-tap chat, the links made again from the portal's secret. */
export async function cohortInvitations(deps: Required<AppDeps>, cohort: { id: number; name: string }): Promise<Invitation[]> {
  const owners = await cohortOwners(deps.db, cohort.id);
  const tokens = await invitationTokens(deps.db, owners.map((o) => o.importKey!));
  return owners.map((o) => {
    const token = tokens.get(o.importKey!);
    const url = token && token.hash === o.statusTokenHash ? statusUrl(deps, token.token) : null;
    const message = url ? invitationMessage(cohort.name, o.name, o.status, url) : '';
    return { id: o.id, name: o.name, whatsapp: o.whatsapp, regencyCode: o.regencyCode, status: o.status, url, message, chat: url ? whatsappLink(o.whatsapp, message) : null };
  });
}
