import { describe, expect, it } from 'vitest'
import { ROLES, visibleNav } from '../src/nav.js'

const names = (role) => visibleNav(role).map((item) => item.name)

describe('navigation by role', () => {
  it('admin sees every page', () => {
    expect(names('admin')).toEqual(['home', 'enterprises', 'survey', 'surveyResults', 'users', 'audit', 'substances', 'lists', 'monitoring', 'screening', 'assessment', 'reference'])
  })

  it.each(ROLES.filter((r) => r !== 'admin' && r !== 'enterprise'))('%s does not see users or audit', (role) => {
    expect(names(role)).toEqual(['home', 'enterprises', 'survey', 'surveyResults', 'substances', 'lists', 'monitoring', 'screening', 'assessment', 'reference'])
  })

  it('enterprise users see no screening or assessment', () => {
    expect(names('enterprise')).toEqual(['home', 'enterprises', 'survey', 'surveyResults', 'substances', 'lists', 'monitoring', 'reference'])
  })

  it('shows nothing without a role (not logged in)', () => {
    expect(visibleNav(undefined)).toEqual([])
    expect(visibleNav(null)).toEqual([])
  })

  it('shows only shared pages to an unknown role', () => {
    expect(names('visitor')).toEqual(['home', 'enterprises', 'survey', 'surveyResults', 'substances', 'lists', 'monitoring', 'reference'])
  })
})
