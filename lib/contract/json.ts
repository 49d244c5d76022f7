/**
 * What a server may hand to JSON.stringify so that a client parses the wire type W: the same shape,
 * with a Date wherever W has a string (Date.toJSON writes its ISO form). Any string may stand for a
 * string union: the database keeps the vocabularies (./vocabulary) as plain strings, checked on the
 * way in. The Desk's answers are typed with it, so the compiler holds them to the contract's types.
 */
export type Jsonable<W> = unknown extends W
  ? unknown // a wire type that promises nothing (a decoded token shown as it is) takes anything
  : W extends string
  ? string | Date
  : W extends number | boolean | null | undefined
    ? W
    : W extends readonly (infer Item)[]
      ? readonly Jsonable<Item>[]
      : { [K in keyof W]: Jsonable<W[K]> };
