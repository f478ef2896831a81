/**
 * Glossary cards. Each entity's card is rendered once per page at build time as a
 * `popover="manual"` element; this script only decides when it opens and where it sits.
 *
 * - Mouse: opens after an intent delay, so a pointer crossing a name does not flash a card;
 *   closes after a grace period, so the pointer can travel onto the card (WCAG 1.4.13 hoverable).
 * - Keyboard: opens at once on visible focus; the card holds nothing the name's own link lacks,
 *   so it never takes focus and Tab moves on.
 * - Touch: the first tap opens the card instead of following the link, the second tap follows it.
 * - Escape, a tap or click elsewhere, or the name leaving the viewport closes it.
 *
 * The card is absolutely positioned in page coordinates, so it scrolls with its name without
 * any scroll handler, and its position is rounded to whole pixels so text stays crisp.
 */
const OPEN_DELAY = 120;
const CLOSE_DELAY = 300;
/** Space between a name and its card, and between a card and the viewport's edge. */
const GAP = 8;
const MAX_WIDTH = 360;

let card: HTMLElement | null = null;
let owner: HTMLElement | null = null;
let timer = 0;

const nameOf = (target: EventTarget | null) =>
	target instanceof Element ? target.closest<HTMLElement>('a[data-entity]') : null;
const cardOf = (target: EventTarget | null) =>
	target instanceof Element ? target.closest<HTMLElement>('[data-entity-card]') : null;
const focused = () => !!owner?.matches(':focus-visible');
const hovered = () => !!(owner?.matches(':hover') || card?.matches(':hover'));

const leftViewport = new IntersectionObserver((entries) => {
	if (entries.some((entry) => entry.target === owner && !entry.isIntersecting)) close();
});

function later(action: () => void, delay: number) {
	clearTimeout(timer);
	timer = window.setTimeout(action, delay);
}

function place() {
	if (!card || !owner) return;
	const viewportWidth = document.documentElement.clientWidth;
	const viewportHeight = document.documentElement.clientHeight;
	card.style.maxWidth = `${Math.min(MAX_WIDTH, viewportWidth - 2 * GAP)}px`;
	card.style.maxHeight = '';
	// A name broken over two lines: line the card up with the part the reader sees first.
	const name = owner.getBoundingClientRect();
	const firstLine = owner.getClientRects()[0] ?? name;
	const width = Math.ceil(card.offsetWidth);
	const height = Math.ceil(card.offsetHeight);
	const roomBelow = viewportHeight - GAP - (name.bottom + GAP);
	const roomAbove = name.top - GAP - GAP;
	// Below if it fits, else above if it fits, else on the roomier side, scrolling inside itself:
	// the card never covers its own name.
	const side = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
	const room = Math.max(0, Math.floor(side === 'below' ? roomBelow : roomAbove));
	if (height > room) card.style.maxHeight = `${room}px`;
	const top = side === 'below' ? name.bottom + GAP : name.top - GAP - Math.min(height, room);
	const left = Math.max(GAP, Math.min(firstLine.left, viewportWidth - GAP - width));
	card.style.top = `${Math.round(top + window.scrollY)}px`;
	card.style.left = `${Math.round(left + window.scrollX)}px`;
	card.dataset.side = side;
}

function open(name: HTMLElement) {
	clearTimeout(timer);
	const next = document.querySelector<HTMLElement>(`[data-entity-card="${CSS.escape(name.dataset.entity ?? '')}"]`);
	if (!next || (next === card && name === owner)) return;
	close();
	card = next;
	owner = name;
	name.dataset.cardOpen = '';
	next.showPopover();
	place();
	leftViewport.observe(name);
}

function close() {
	clearTimeout(timer);
	if (card?.matches(':popover-open')) card.hidePopover();
	if (owner) delete owner.dataset.cardOpen;
	leftViewport.disconnect();
	card = owner = null;
}

document.addEventListener('pointerover', (event) => {
	if (event.pointerType === 'touch') return;
	const name = nameOf(event.target);
	if (name && name !== owner) later(() => open(name), OPEN_DELAY);
	else if (name || (card && cardOf(event.target) === card)) clearTimeout(timer);
});

document.addEventListener('pointerout', (event) => {
	if (event.pointerType === 'touch') return;
	const from = nameOf(event.target) ?? cardOf(event.target);
	if (!from || (event.relatedTarget instanceof Node && from.contains(event.relatedTarget))) return;
	// Dragging to select text in the card may stray outside it; a card opened by focus stays open.
	if (event.buttons || focused()) clearTimeout(timer);
	else later(close, card ? CLOSE_DELAY : 0);
});

document.addEventListener('focusin', (event) => {
	const name = nameOf(event.target);
	if (name?.matches(':focus-visible')) open(name);
});

document.addEventListener('focusout', (event) => {
	if (!card || !owner) return;
	const to = event.relatedTarget;
	if (to instanceof Node && (card.contains(to) || owner.contains(to))) return;
	if ((event.target === owner || card.contains(event.target as Node)) && !hovered()) close();
});

const outside = (target: EventTarget | null) => !!card && !card.contains(target as Node) && nameOf(target) !== owner;

document.addEventListener('click', (event) => {
	const name = nameOf(event.target);
	if ((event as PointerEvent).pointerType !== 'touch') return;
	if (name && name !== owner) {
		event.preventDefault();
		open(name);
	} else if (outside(event.target)) {
		close();
	}
});

// A mouse press outside closes at once; on touch screens only a tap does (above), so that a
// finger that starts scrolling the page keeps the card open.
document.addEventListener('pointerdown', (event) => {
	if (event.pointerType !== 'touch' && outside(event.target)) close();
});

document.addEventListener('keydown', (event) => {
	if (event.key !== 'Escape' || !card || !owner) return;
	const name = owner;
	const focusInCard = card.contains(document.activeElement);
	close();
	if (focusInCard) name.focus();
});

window.addEventListener('resize', place);
