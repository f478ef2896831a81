/**
 * Words that news English capitalises without their being a name, or that sit inside names
 * without being capitalised: shared by the annotator (is this name part of a longer one?) and
 * the candidate finder (where does a name start and end?).
 */

/** Titles and ranks written before a name ("Mayor Hussein Ali al-Aujail"): a cue, not part of the name. */
export const TITLE_WORDS = new Set([
	'mayor', 'president', 'vice', 'prime', 'minister', 'sheikh', 'shaikh', 'sheik', 'general', 'gen', 'colonel', 'col',
	'lieutenant', 'lt', 'major', 'maj', 'captain', 'capt', 'sergeant', 'sgt', 'ayatollah', 'grand', 'imam', 'cleric',
	'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'deputy', 'governor', 'gov', 'senator', 'sen', 'rep',
	'secretary', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'pope', 'bishop', 'rev', 'saint', 'chief', 'commander',
	'judge', 'speaker', 'chairman', 'ambassador', 'spokesman', 'spokeswoman', 'mullah', 'caliph', 'admiral', 'field',
	'marshal', 'brigadier', 'former', 'acting', 'late',
]);

/** Words that follow a place's name ("Anbar province"): a cue that the name before them is a place. */
export const PLACE_CUES = new Set(['province', 'governorate', 'district', 'city', 'town', 'village', 'region', 'county', 'river', 'valley', 'border', 'crossing', 'refinery', 'suburb']);

/** Lower-case particles inside Arabic, Dutch, Spanish… names ("Moqtada al Sadr", "Ahmad bin Ali"). */
export const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'abu', 'abd', 'de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'dos', 'y']);

/** Words that may join the parts of one name: "Army of the Men", "Islamic State of Iraq". */
export const NAME_JOINERS = new Set(['of', 'the', 'and', 'for', 'on', 'in']);

/** Lower-case prefixes a name may carry and still be that name: "anti-US", "pro-Maliki". */
export const NAME_PREFIXES = new Set(['anti', 'pro', 'non', 'ex', 'pre', 'post', 'mid', 'pan', 'neo', 'trans', 'cross', 'un']);

/** Capitalised words that are never names on their own: days, months, and words that often open a sentence. */
export const CAPITALISED_COMMON = new Set([
	'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
	'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
	'the', 'a', 'an', 'and', 'but', 'or', 'if', 'as', 'so', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'from', 'with', 'since',
	'unless', 'while', 'when', 'where', 'after', 'before', 'then', 'that', 'this', 'these', 'those', 'there', 'it', 'its',
	'he', 'she', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'some', 'others', 'one', 'not', 'no', 'yes', 'all',
	'speaking', 'police', 'armed', 'however', 'also', 'meanwhile', 'still', 'yet', 'even', 'other', 'many', 'most', 'more',
	'oh', 'what', 'who', 'why', 'how', 'here', 'now', 'today', 'yesterday', 'tomorrow', 'according', 'officials', 'security',
]);
