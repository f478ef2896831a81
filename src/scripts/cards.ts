/**
 * Glossary cards. What a card says is written once in the page, as the entity's entry in the
 * who's who (`[data-card-content="<id>"]`); the first time a name's card is wanted this script
 * copies that entry into a `popover="manual"` element (`[data-entity-card="<id>"]`), then decides
 * when it opens and where it sits. Nothing is fetched to show a card; a place card's locator image
 * starts loading when the pointer reaches the name (intent start), not when the card opens.
 *
 * - Mouse: opens once the pointer shows intent (issue 16: the card is fully visible within 150 ms
 *   of the pointer entering a name): it has been on the name for INTENT_DELAY and has come to
 *   rest there, so a pointer crossing a name, even slowly, does not flash a card. While another
 *   card of the same level is open the reader is going from name to name, and a resting pointer
 *   opens the next card after SKIM_DELAY only. A card is opaque from its first frame (only its
 *   shadow is animated), so no fade adds to the wait. Closes after a grace period, so the pointer
 *   can travel onto the card (WCAG 1.4.13 hoverable).
 * - Keyboard: opens at once on visible focus; Tab moves on past the card (no focus trap).
 *   ArrowDown moves into an open card, whose names and links then take focus in turn.
 * - Touch: the first tap opens the card instead of following the link, the second tap follows it.
 * - Escape closes the top card and puts focus back where it was; a tap or click elsewhere, or the
 *   name leaving the viewport, closes it.
 *
 * Cards within cards (issue 17): a name inside an open card opens its own card the same ways,
 * stacked beside the first. The open cards form a stack of levels; each level is a card and the
 * name that opened it, and closing a level closes every level above it.
 *
 * A card is absolutely positioned in page coordinates, so it scrolls with its name without any
 * scroll handler, and its position is rounded to whole pixels so text stays crisp.
 */
/** How long the pointer must be on a name before its card opens: a pointer that crosses a name leaves it sooner. */
const INTENT_DELAY = 110;
/** The same while another card of the same level is open (the reader skimming from name to name). */
const SKIM_DELAY = 40;
/** Resting: the pointer moved at most REST_DISTANCE px (along its path) in the last REST_WINDOW ms. */
const REST_WINDOW = 50;
const REST_DISTANCE = 6;
/** How often a pointer still moving on a name is looked at again, and when it opens the card anyway (a hand that trembles). */
const REST_CHECK = 20;
const MAX_INTENT_DELAY = 400;
const CLOSE_DELAY = 300;
/** Space between a name and its card, and between a card and the viewport's edge. */
const GAP = 8;
const MAX_WIDTH = 360;

interface Level {
	card: HTMLElement;
	owner: HTMLElement;
}
const stack: Level[] = [];
let timer = 0;
/** The name the pointer is on while its card is not open yet, and where the pointer has been on it (time, x, y). */
let intent: { name: HTMLElement; since: number; trail: [number, number, number][] } | null = null;
/** The name focus is being given back to after Escape: its card stays closed. */
let returning: HTMLElement | null = null;

const nameOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('a[data-entity]') : null);
/** The level whose card holds a node, or -1 outside every open card. */
const levelOf = (target: EventTarget | null) => (target instanceof Node ? stack.findLastIndex((level) => level.card.contains(target)) : -1);
const isOwner = (target: EventTarget | null) => stack.some((level) => level.owner === nameOf(target));

const leftViewport = new IntersectionObserver((entries) => {
	for (const entry of entries) {
		const index = stack.findIndex((level) => level.owner === entry.target);
		if (!entry.isIntersecting && index >= 0) closeFrom(index);
	}
});

/** The card of an entity, made from its who's who entry the first time it is wanted. */
function cardFor(id: string): HTMLElement | null {
	const existing = document.querySelector<HTMLElement>(`[data-entity-card="${CSS.escape(id)}"]`);
	if (existing) return existing;
	const content = document.querySelector<HTMLElement>(`[data-card-content="${CSS.escape(id)}"]`);
	if (!content) return null;
	const made = document.createElement('div');
	made.className = 'card';
	made.dataset.entityCard = id;
	made.popover = 'manual';
	const copy = content.cloneNode(true) as HTMLElement;
	// Ids stay with the who's who (names are described by it); the copy loads its images now.
	for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
	for (const img of copy.querySelectorAll('img')) img.loading = 'eager';
	made.append(...copy.childNodes);
	document.body.append(made);
	return made;
}

function later(action: () => void, delay: number) {
	clearTimeout(timer);
	// One timer for everything: whatever replaces an intent's check ends that intent.
	if (action !== checkIntent) intent = null;
	timer = window.setTimeout(action, delay);
}

/** Watches the pointer on a name and opens its card once the pointer rests there (see INTENT_DELAY). */
function startIntent(name: HTMLElement, event: PointerEvent) {
	const now = performance.now();
	intent = { name, since: now, trail: [[now, event.clientX, event.clientY]] };
	const skimming = stack.length > levelOf(name) + 1;
	later(checkIntent, skimming ? SKIM_DELAY : INTENT_DELAY);
}

function checkIntent() {
	if (!intent) return;
	const now = performance.now();
	const { name, since, trail } = intent;
	// The path the pointer travelled in the last REST_WINDOW ms (from where it was at the window's start).
	const first = Math.max(
		0,
		trail.findLastIndex(([t]) => t <= now - REST_WINDOW),
	);
	let travelled = 0;
	for (let i = first + 1; i < trail.length; i++) travelled += Math.hypot(trail[i]![1] - trail[i - 1]![1], trail[i]![2] - trail[i - 1]![2]);
	if (travelled <= REST_DISTANCE || now - since >= MAX_INTENT_DELAY) open(name);
	else {
		intent.trail = trail.slice(first);
		later(checkIntent, REST_CHECK);
	}
}

function place(index: number) {
	const { card, owner } = stack[index]!;
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
	let side = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
	const room = Math.max(0, Math.floor(side === 'below' ? roomBelow : roomAbove));
	if (height > room) card.style.maxHeight = `${room}px`;
	let top = side === 'below' ? name.bottom + GAP : name.top - GAP - Math.min(height, room);
	let left = Math.max(GAP, Math.min(firstLine.left, viewportWidth - GAP - width));
	// A card opened from a card sits beside it where there is room, level with its name.
	const parent = stack[index - 1]?.card.getBoundingClientRect();
	const beside = !parent ? null : parent.right + GAP + width <= viewportWidth - GAP ? parent.right + GAP : parent.left - GAP - width >= GAP ? parent.left - GAP - width : null;
	if (beside !== null) {
		card.style.maxHeight = `${viewportHeight - 2 * GAP}px`;
		top = Math.max(GAP, Math.min(firstLine.top, viewportHeight - GAP - Math.min(height, viewportHeight - 2 * GAP)));
		left = beside;
		side = 'beside';
	}
	card.style.top = `${Math.round(top + window.scrollY)}px`;
	card.style.left = `${Math.round(left + window.scrollX)}px`;
	card.dataset.side = side;
}

function open(name: HTMLElement) {
	clearTimeout(timer);
	intent = null;
	const card = cardFor(name.dataset.entity ?? '');
	const index = levelOf(name) + 1;
	if (!card || stack[index]?.owner === name) return;
	closeFrom(index);
	// A card already open lower in the stack (a name in a card naming the card's own entity) stays where it is.
	if (stack.some((level) => level.card === card)) return;
	stack.push({ card, owner: name });
	name.dataset.cardOpen = '';
	card.showPopover();
	place(index);
	leftViewport.observe(name);
}

/** Closes the card at `index` and every card above it. */
function closeFrom(index: number) {
	clearTimeout(timer);
	intent = null;
	for (const { card, owner } of stack.splice(Math.max(0, index)).reverse()) {
		if (card.matches(':popover-open')) card.hidePopover();
		delete owner.dataset.cardOpen;
		leftViewport.unobserve(owner);
	}
}

/** Keeps the levels the pointer or focus is in (or on the name of), closes those above. */
function settle() {
	const active = (level: Level) => level.card.matches(':hover') || level.owner.matches(':hover') || level.card.contains(document.activeElement) || level.owner === document.activeElement;
	closeFrom(stack.findLastIndex(active) + 1);
}

document.addEventListener('pointerover', (event) => {
	if (event.pointerType === 'touch') return;
	const name = nameOf(event.target);
	if (name && !isOwner(name)) {
		cardFor(name.dataset.entity ?? '');
		if (intent?.name !== name) startIntent(name, event);
	} else if (name || levelOf(event.target) >= 0) {
		intent = null;
		clearTimeout(timer);
	}
});

document.addEventListener('pointermove', (event) => {
	if (intent && event.pointerType !== 'touch') intent.trail.push([performance.now(), event.clientX, event.clientY]);
});

document.addEventListener('pointerout', (event) => {
	if (event.pointerType === 'touch') return;
	const from = nameOf(event.target) ?? (event.target as Element).closest?.('[data-entity-card]');
	if (!from || (event.relatedTarget instanceof Node && from.contains(event.relatedTarget))) return;
	if (intent?.name === from) intent = null;
	// Dragging to select text in a card may stray outside it; a card opened by focus stays open.
	if (event.buttons || stack.some((level) => level.owner.matches(':focus-visible'))) clearTimeout(timer);
	else later(settle, stack.length ? CLOSE_DELAY : 0);
});

document.addEventListener('focusin', (event) => {
	const name = nameOf(event.target);
	if (name !== returning && name?.matches(':focus-visible')) open(name);
});

document.addEventListener('focusout', () => {
	if (stack.length) later(settle, 0);
});

document.addEventListener('click', (event) => {
	if ((event as PointerEvent).pointerType !== 'touch') return;
	const name = nameOf(event.target);
	if (name && !isOwner(name)) {
		event.preventDefault();
		open(name);
	} else if (!name) {
		closeFrom(levelOf(event.target) + 1);
	}
});

// A mouse press outside a card closes it (and the cards above) at once; on touch screens only a
// tap does (above), so that a finger that starts scrolling the page keeps the card open.
document.addEventListener('pointerdown', (event) => {
	if (event.pointerType !== 'touch' && !isOwner(event.target)) closeFrom(levelOf(event.target) + 1);
});

document.addEventListener('keydown', (event) => {
	const top = stack.at(-1);
	if (!top) return;
	const focus = document.activeElement;
	if (event.key === 'Escape') {
		const focusInCard = top.card.contains(focus);
		closeFrom(stack.length - 1);
		returning = top.owner;
		if (focusInCard) top.owner.focus();
		returning = null;
		return;
	}
	const opened = stack.find((level) => level.owner === focus);
	const within = stack[levelOf(focus)];
	if (event.key === 'ArrowDown' && opened) {
		const first = opened.card.querySelector<HTMLElement>('a[href]');
		if (first) {
			event.preventDefault();
			first.focus();
		}
	} else if (event.key === 'Tab' && within) {
		// Tab leaves a card the way it came in: from its name, on to what follows the name.
		const links = within.card.querySelectorAll<HTMLElement>('a[href]');
		if (focus === links[event.shiftKey ? 0 : links.length - 1]) {
			if (event.shiftKey) event.preventDefault();
			within.owner.focus();
		}
	}
});

window.addEventListener('resize', () => stack.forEach((_, index) => place(index)));
