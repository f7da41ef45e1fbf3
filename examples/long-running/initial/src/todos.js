// The todo list. Features are added one session at a time (see feature_list.json).
export function createTodos() {
  return { items: [] };
}
