/** The supplier's id: its key in the adapter registry, its supplier accounts and every record it leaves. */
export const SAFETRIP_SUPPLIER_ID = 'safetrip';
