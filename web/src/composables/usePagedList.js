// State and loading for a paginated list endpoint
// ({items, page, page_size, total}, see the API's pagination convention).
import { reactive, ref } from 'vue'
import { showError } from '../errors.js'

export function usePagedList(fetchPage, { pageSize = 20 } = {}) {
  const items = ref([])
  const total = ref(0)
  const loading = ref(false)
  const pager = reactive({ page: 1, pageSize })
  let lastRequest = 0

  async function load(extraQuery = {}) {
    const requestId = ++lastRequest
    loading.value = true
    try {
      const data = await fetchPage({ page: pager.page, page_size: pager.pageSize, ...extraQuery })
      if (requestId !== lastRequest) return // a newer request superseded this one
      items.value = data.items || []
      total.value = data.total ?? items.value.length
    } catch (e) {
      if (requestId === lastRequest) showError(e)
    } finally {
      if (requestId === lastRequest) loading.value = false
    }
  }

  return { items, total, loading, pager, load }
}
