export interface Order {
  id: string;
  sku: string;
  quantity: number;
  status: "open" | "cancelled";
}

const orders = new Map<string, Order>();

export function createOrder(input: { sku: string; quantity: number }): Order {
  const order: Order = { id: String(orders.size + 1), ...input, status: "open" };
  orders.set(order.id, order);
  console.log("order created", order.id);
  return order;
}

export function cancelOrder(id: string): Order | undefined {
  const order = orders.get(id);
  if (order) order.status = "cancelled";
  return order;
}
