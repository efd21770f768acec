// Replace one stream of an OLE (compound) file with the bytes of another file, at any size:
// olefile rewrites a stream only at its own size. Used by make_fixtures.py; needs the npm package
// cfb (SheetJS, `npm install cfb`). Usage: node resize_stream.js FILE STREAM BYTES_FILE
const fs = require("fs");
const CFB = require("cfb");
const [file, stream, bytes] = process.argv.slice(2);
const cfb = CFB.read(fs.readFileSync(file), { type: "buffer" });
const entry = CFB.find(cfb, stream);
if (!entry) throw new Error(`no stream ${stream} in ${file}`);
entry.content = fs.readFileSync(bytes);
entry.size = entry.content.length;
fs.writeFileSync(file, CFB.write(cfb, { type: "buffer", fileType: "cfb" }));
