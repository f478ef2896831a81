import type { APIRoute } from 'astro';
import { worldOutlinesSvg } from '../../lib/maps.ts';

/** `/maps/world.svg`: the land under every article's world inset, one file for the whole site. */
export const GET: APIRoute = () => new Response(worldOutlinesSvg(), { headers: { 'Content-Type': 'image/svg+xml' } });
