// npm run mock: the same Prism mock the contract tests use, for a person, on Prism's own default
// port 4010, or PORT when set; when 4010 is taken, on a free port, which it prints. Ctrl-C stops it.
import prism from "./prism.cjs";

const DEFAULT_PORT = 4010;
const port = process.env.PORT
  ? Number(process.env.PORT)
  : (await prism.isFree(DEFAULT_PORT))
    ? DEFAULT_PORT
    : undefined;
if (port === undefined) console.log(`port ${DEFAULT_PORT} is taken: using a free one (set PORT to choose)`);
const mock = await prism.startPrism({ port });
console.log(`Prism mock of the Partner Center Orders API listening on ${mock.url}`);
console.log(`Try: curl -H "Authorization: Bearer x" ${mock.url}/customers/b0d70a69-4c42-4b27-b17b-91a835d8686a/orders`);
const stop = async () => {
  await mock.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
