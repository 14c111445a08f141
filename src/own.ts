/**
 * A property a value holds itself, never one inherited (`Object.prototype`'s `constructor`,
 * `__proto__`…): the one way fahras reads user objects by key. @internal
 *
 * @example
 * ```ts
 * own({ title: 'بغداد' }, 'title') // 'بغداد'
 * own({}, 'constructor') // undefined
 * ```
 */
export function own(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined
}
