// Side navigation entries. `roles: null` means every logged-in user.
// The router uses the same role lists, so a hidden page is also unreachable.

export const ROLES = ['admin', 'officer', 'inspector', 'enterprise', 'analyst']

export const NAV_ITEMS = [
  { path: '/', name: 'home', label: 'nav.home', icon: 'IconHomeFilled', roles: null },
  { path: '/enterprises', name: 'enterprises', label: 'nav.enterprises', icon: 'IconOfficeBuilding', roles: null },
  { path: '/survey', name: 'survey', label: 'nav.survey', icon: 'IconTickets', roles: null },
  { path: '/survey/results', name: 'surveyResults', label: 'nav.surveyResults', icon: 'IconDataLine', roles: null },
  { path: '/users', name: 'users', label: 'nav.users', icon: 'IconUser', roles: ['admin'] },
  { path: '/audit', name: 'audit', label: 'nav.audit', icon: 'IconDocument', roles: ['admin'] },
  { path: '/substances', name: 'substances', label: 'nav.substances', icon: 'IconSearch', roles: null },
  { path: '/lists', name: 'lists', label: 'nav.lists', icon: 'IconTickets', roles: null },
  { path: '/monitoring', name: 'monitoring', label: 'nav.monitoring', icon: 'IconDataLine', roles: null },
  { path: '/screening', name: 'screening', label: 'nav.screening', icon: 'IconDataLine', roles: ['admin', 'officer', 'inspector', 'analyst'] },
  { path: '/assessments', name: 'assessment', label: 'nav.assessment', icon: 'IconDocument', roles: ['admin', 'officer', 'inspector', 'analyst'] },
  { path: '/reference', name: 'reference', label: 'nav.reference', icon: 'IconCollection', roles: null },
]

export function canSee(item, role) {
  if (!role) return false
  return item.roles === null || item.roles.includes(role)
}

/** The navigation entries visible to a user with the given role. */
export function visibleNav(role) {
  return NAV_ITEMS.filter((item) => canSee(item, role))
}
