// Departments and regions, fetched once per page load and shared by the pages.
import { reactive } from 'vue'
import { api } from './api.js'

export const reference = reactive({
  departments: [],
  regions: [],
  loaded: false,
})

let pending = null

export function loadReference() {
  if (reference.loaded) return Promise.resolve(reference)
  if (!pending) {
    pending = Promise.all([api.departments(), api.regions()])
      .then(([departments, regions]) => {
        reference.departments = departments.items || []
        reference.regions = regions.items || []
        reference.loaded = true
        return reference
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** Counties and zones (everything below the city), for county filters and selects. */
export function counties() {
  return reference.regions.filter((r) => r.level !== 'city')
}

export function regionByCode(code) {
  return reference.regions.find((r) => r.code === code) || null
}

export function departmentByCode(code) {
  return reference.departments.find((d) => d.code === code) || null
}
