// What the Carts operations do: the fake's cart store answers them.
import type { Cart } from "../../../generated/schema";
import type { OperationId } from "../../rules/request";
import { correlationIdOf, type Handler } from "./context";

const cart = (path: Record<string, unknown>) => String(path.cart_id);

export const CART_HANDLERS = {
  createCart: (ctx, { customerId, body }) => ctx.carts.create(customerId, body as Cart),
  getCart: (ctx, { customerId, path }) => ctx.carts.get(customerId, cart(path)),
  updateCart: (ctx, { customerId, path, body }) => ctx.carts.update(customerId, cart(path), body as Cart),
  checkoutCart: (ctx, { customerId, path, headers }) =>
    ctx.carts.checkout(customerId, cart(path), correlationIdOf(headers)),
} satisfies Partial<Record<OperationId, Handler>>;
