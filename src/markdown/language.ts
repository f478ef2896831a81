/** Language tags: checking them, and the direction of their script. */

/** The canonical form of a BCP 47 language tag (`AR` → `ar`, `ku-arab` → `ku-Arab`), or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
	if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag)) return undefined;
	try {
		return Intl.getCanonicalLocales(tag)[0];
	} catch {
		return undefined;
	}
}

/**
 * The writing direction of a language (its most likely script when the tag names none):
 * `rtl` for Arabic, Sorani Kurdish (`ckb`), Persian, Hebrew, Urdu, Pashto…, `ltr` otherwise.
 */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
	try {
		const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
		const info = locale.getTextInfo?.() ?? locale.textInfo;
		return info?.direction === 'rtl' ? 'rtl' : 'ltr';
	} catch {
		return 'ltr';
	}
}
