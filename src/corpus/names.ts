/**
 * Normalises a name for lookup: Unicode NFC, one kind of apostrophe and dash, single spaces,
 * case folded. "Shi’ite" and "Shi'ite" are the same name; "ISIS" and "Isis" are too.
 */
export function normalizeName(name: string): string {
	return name
		.normalize('NFC')
		.replace(/[\u2018\u2019\u02BC\u02BB`´]/g, "'")
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.toLocaleLowerCase('en');
}
