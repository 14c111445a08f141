import { describe, expect, it } from 'vitest'
import { boxSettings } from '../src/site/ui/options.js'

// The search box's options, checked without a page: each option is read as mountSearch() read it
// before its split into modules (a getter or a Proxy sees the same reads, in the same order).
describe('search box options', () => {
  it('reads `labels` twice (checked, then merged) and every other option once', () => {
    const reads: string[] = []
    const given = { site: {}, limit: 5, labels: { placeholder: 'ابحث…' } }
    const options = new Proxy(given, {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.push(key)
        return Reflect.get(target, key, receiver)
      },
    })
    const settings = boxSettings(options as never)
    expect(reads.filter((k) => k === 'labels')).toHaveLength(2)
    expect(reads[0]).toBe('labels')
    expect(reads.at(-1)).toBe('labels')
    const others = reads.slice(1, -1)
    expect(new Set(others).size).toBe(others.length)
    expect(settings.limit).toBe(5)
    expect(settings.labels.placeholder).toBe('ابحث…')
  })
})
