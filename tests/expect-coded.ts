import { expect } from 'vitest'
import { isFahrasError } from '../src/index.js'

/** Asserts that `fn` throws a fahras error with this code and a message matching `message`; returns it. */
export function expectCoded(
  fn: () => unknown,
  code: string,
  message: RegExp,
): Error & { details?: Record<string, unknown> } {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a throw').toBeInstanceOf(Error)
  expect(isFahrasError(caught)).toBe(true)
  expect((caught as { code: string }).code).toBe(code)
  expect((caught as Error).message).toMatch(message)
  return caught as Error & { details?: Record<string, unknown> }
}
