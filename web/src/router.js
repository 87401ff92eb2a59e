import { createRouter, createWebHistory } from 'vue-router'
import { NAV_ITEMS, canSee } from './nav.js'
import { session, ensureSession, clearSession } from './session.js'
import { onUnauthorized } from './api.js'

import AppLayout from './components/AppLayout.vue'
import LoginView from './views/LoginView.vue'

const views = {
  home: () => import('./views/HomeView.vue'),
  enterprises: () => import('./views/EnterprisesView.vue'),
  users: () => import('./views/UsersView.vue'),
  audit: () => import('./views/AuditView.vue'),
  substances: () => import('./views/SubstancesView.vue'),
  lists: () => import('./views/ListsView.vue'),
  monitoring: () => import('./views/MonitoringView.vue'),
  reference: () => import('./views/ReferenceView.vue'),
  survey: () => import('./views/SurveyCampaignsView.vue'),
  surveyResults: () => import('./views/SurveyResultsView.vue'),
  screening: () => import('./views/ScreeningView.vue'),
  assessment: () => import('./views/AssessmentView.vue'),
}

// Pages reached from a navigation entry (not in the menu): they keep its roles and highlight.
const detailRoutes = [
  { path: 'survey/campaigns/:id', name: 'surveyCampaign', parent: 'survey', component: () => import('./views/SurveyCampaignView.vue') },
  { path: 'survey/submissions/:id', name: 'surveySubmission', parent: 'survey', component: () => import('./views/SurveySubmissionView.vue') },
  { path: 'assessments/:id', name: 'assessmentDetail', parent: 'assessment', component: () => import('./views/AssessmentView.vue') },
]

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      ...NAV_ITEMS.map((item) => ({
        path: item.path === '/' ? '' : item.path.slice(1),
        name: item.name,
        component: views[item.name],
        meta: { nav: item },
      })),
      ...detailRoutes.map(({ parent, ...route }) => ({ ...route, meta: { nav: NAV_ITEMS.find((i) => i.name === parent) } })),
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  let user = null
  try {
    user = await ensureSession()
  } catch {
    user = null
  }
  if (!user) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  const item = to.meta.nav
  if (item && !canSee(item, user.role)) return { name: 'home' }
  return true
})

// Any API call answering 401 (expired or revoked session) sends the user to the login page.
onUnauthorized(() => {
  const wasLoggedIn = !!session.user
  clearSession()
  const current = router.currentRoute.value
  if (!current.meta.public) {
    router.replace({ name: 'login', query: { redirect: current.fullPath, expired: wasLoggedIn ? '1' : undefined } })
  }
})
