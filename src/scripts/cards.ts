/**
 * Glossary cards: one card element per entity, rendered at build time, opened next to the
 * marked name by hover (after a short intent delay), keyboard focus (at once) or a first tap.
 * Meets WCAG 1.4.13: Escape dismisses, the pointer can move onto the card, and the card stays
 * until the pointer or focus leaves it.
 */
const OPEN_DELAY = 120;
const CLOSE_DELAY = 300;
const GAP = 8;

let openCard: HTMLElement | null = null;
let openFor: HTMLElement | null = null;
let openTimer = 0;
let closeTimer = 0;

const nameOf = (target: EventTarget | null) =>
	target instanceof Element ? target.closest<HTMLElement>('a[data-entity]') : null;
const cardOf = (target: EventTarget | null) =>
	target instanceof Element ? target.closest<HTMLElement>('[data-entity-card]') : null;

function cardFor(name: HTMLElement): HTMLElement | null {
	const id = name.getAttribute('aria-describedby');
	return id ? document.getElementById(id) : null;
}

function place(name: HTMLElement, card: HTMLElement) {
	const anchor = name.getBoundingClientRect();
	const width = document.documentElement.clientWidth;
	const height = document.documentElement.clientHeight;
	card.style.maxWidth = `${Math.min(360, width - 2 * GAP)}px`;
	const box = card.getBoundingClientRect();
	const below = anchor.bottom + GAP;
	const top = below + box.height <= height - GAP || anchor.top - GAP - box.height < GAP ? below : anchor.top - GAP - box.height;
	const left = Math.min(Math.max(GAP, anchor.left), width - box.width - GAP);
	card.style.top = `${Math.round(Math.max(GAP, top))}px`;
	card.style.left = `${Math.round(Math.max(GAP, left))}px`;
	card.dataset.side = top === below ? 'below' : 'above';
}

function open(name: HTMLElement) {
	clearTimeout(openTimer);
	clearTimeout(closeTimer);
	const card = cardFor(name);
	if (!card) return;
	if (openCard && openCard !== card) close();
	if (!card.matches(':popover-open')) card.showPopover();
	openCard = card;
	openFor = name;
	name.setAttribute('aria-expanded', 'true');
	place(name, card);
}

function close() {
	clearTimeout(openTimer);
	clearTimeout(closeTimer);
	if (openCard?.matches(':popover-open')) openCard.hidePopover();
	openFor?.setAttribute('aria-expanded', 'false');
	openCard = null;
	openFor = null;
}

function closeSoon() {
	clearTimeout(openTimer);
	clearTimeout(closeTimer);
	closeTimer = window.setTimeout(close, CLOSE_DELAY);
}

document.addEventListener('pointerover', (event) => {
	if (event.pointerType === 'touch') return;
	const name = nameOf(event.target);
	if (name) {
		clearTimeout(closeTimer);
		if (openFor === name) return;
		clearTimeout(openTimer);
		openTimer = window.setTimeout(() => open(name), OPEN_DELAY);
	} else if (cardOf(event.target) && cardOf(event.target) === openCard) {
		clearTimeout(closeTimer);
	}
});

document.addEventListener('pointerout', (event) => {
	if (event.pointerType === 'touch') return;
	const from = nameOf(event.target) ?? cardOf(event.target);
	if (!from) return;
	const to = event.relatedTarget;
	if (to instanceof Node && (from.contains(to) || openCard?.contains(to) || openFor?.contains(to))) return;
	if (openFor && document.activeElement === openFor) {
		clearTimeout(openTimer);
		return;
	}
	closeSoon();
});

document.addEventListener('focusin', (event) => {
	const name = nameOf(event.target);
	if (name && name.matches(':focus-visible')) open(name);
	else if (openCard && !openCard.contains(event.target as Node)) close();
});

document.addEventListener('focusout', (event) => {
	const to = event.relatedTarget;
	if (!openCard || (to instanceof Node && (openCard.contains(to) || openFor === to))) return;
	if (nameOf(event.target) === openFor || cardOf(event.target) === openCard) close();
});

// On a touch screen the first tap on a name opens its card; a second tap follows the link.
document.addEventListener('click', (event) => {
	const name = nameOf(event.target);
	const pointer = (event as PointerEvent).pointerType;
	if (name && pointer === 'touch' && openFor !== name) {
		event.preventDefault();
		open(name);
	}
});

document.addEventListener('pointerdown', (event) => {
	if (!openCard) return;
	if (openCard.contains(event.target as Node) || nameOf(event.target) === openFor) return;
	close();
});

document.addEventListener('keydown', (event) => {
	if (event.key === 'Escape' && openCard) {
		const name = openFor;
		close();
		name?.focus();
	}
});

window.addEventListener('resize', () => openFor && openCard && place(openFor, openCard));
window.addEventListener('scroll', () => openFor && openCard && place(openFor, openCard), { passive: true });
