/**
 * `/apply/divisions.json`: the GB/T 2260 divisions as a tree (province → city → county), as
 * `[code, name, children?]`, for the application form's region picker. Built once, fetched by the
 * form's script (the table is too large to put in the page).
 */
import type { APIRoute } from 'astro';
import { divisionTree, type LevelNode } from '../../lib/records/regions.ts';

export const prerender = true;

type Compact = [string, string, Compact[]?];
const compact = (node: LevelNode): Compact =>
  node.children?.length
    ? [node.code, node.name, node.children.map(compact)]
    : [node.code, node.name];

export const GET: APIRoute = () =>
  new Response(JSON.stringify(divisionTree().map(compact)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
