// npm run mock: the same Prism mock the contract tests use, for a person. Ctrl-C stops it.
import prism from "./prism.cjs";

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const mock = await prism.startPrism({ port });
console.log(`Prism mock of the Partner Center Orders API listening on ${mock.url}`);
console.log(`Try: curl -H "Authorization: Bearer x" ${mock.url}/customers/b0d70a69-4c42-4b27-b17b-91a835d8686a/orders`);
const stop = async () => {
  await mock.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
