'use strict';
// An outside PN532 client: the npm pn532 library (HSU over serialport) writes an NDEF message to the
// Type 2 tag in the field and reads it back. Usage: node ndef-write-read.js DEVICE NDEF_HEX
// Prints one JSON line {"uid": "...", "read": "HEX"}; exits 0, or 2 on bad usage, 3 on an error or timeout.
const { SerialPort } = require('serialport');
const pn532 = require('pn532');

const [device, ndefHex] = process.argv.slice(2);
if (!device || !/^([0-9a-fA-F]{2})+$/.test(ndefHex || '')) {
  console.error('usage: node ndef-write-read.js DEVICE NDEF_HEX');
  process.exit(2);
}
const fail = (why) => {
  console.error('error: ' + why);
  process.exit(3);
};
setTimeout(() => fail('no answer within 30 s'), 30000).unref();

const port = new SerialPort({ path: device, baudRate: 115200 });
port.on('error', (e) => fail(e.message));
const rfid = new pn532.PN532(port);
rfid.on('ready', async () => {
  try {
    const tag = await rfid.scanTag();
    if (!tag) {
      fail('no tag in the field');
    }
    await rfid.writeNdefData(Array.from(Buffer.from(ndefHex, 'hex')));
    const read = await rfid.readNdefData();
    console.log(JSON.stringify({ uid: tag.uid, read: Buffer.from(read).toString('hex') }));
    port.close(() => process.exit(0));
  } catch (e) {
    fail(e.message || String(e));
  }
});
