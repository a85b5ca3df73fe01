// A flame graph (SVG) from collapsed stacks ("root;...;leaf count" lines), the way flamegraph.pl draws them: the
// root at the bottom, each frame as wide as the samples it was on the stack for. Frames narrower than three pixels
// (a quarter of a percent) are left out, which keeps the file small enough to commit. Cruddur's own frames are blue, the JDK's grey, the rest warm. Hover a frame for its full name and share.
const WIDTH = 1200;
const FRAME = 16;
const PAD = 24;
const MIN_WIDTH = 3;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function color(name) {
  if (name.startsWith('com.cruddur.')) return 'rgb(90,150,230)';
  if (/^(java|javax|jdk|sun)\./.test(name)) return 'rgb(190,190,190)';
  let h = 0;
  for (const ch of name.slice(0, name.lastIndexOf('.'))) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `rgb(${205 + (h % 50)},${90 + ((h >> 8) % 110)},${40 + ((h >> 16) % 40)})`;
}

export function flameGraphSvg(collapsed, title) {
  const root = { name: 'all', value: 0, children: new Map() };
  for (const line of collapsed.split('\n')) {
    const at = line.lastIndexOf(' ');
    if (at < 0) continue;
    const count = Number(line.slice(at + 1));
    let node = root;
    node.value += count;
    for (const frame of line.slice(0, at).split(';')) {
      if (!node.children.has(frame)) node.children.set(frame, { name: frame, value: 0, children: new Map() });
      node = node.children.get(frame);
      node.value += count;
    }
  }
  const scale = (WIDTH - 2 * PAD) / Math.max(root.value, 1);
  const boxes = [];
  let depth = 0;
  const place = (node, x, level) => {
    const w = node.value * scale;
    if (w < MIN_WIDTH) return;
    boxes.push({ node, x, level, w });
    depth = Math.max(depth, level);
    let cx = x;
    for (const child of [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      place(child, cx, level + 1);
      cx += child.value * scale;
    }
  };
  place(root, PAD, 0);
  const height = (depth + 1) * FRAME + 3 * PAD;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="Verdana, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="rgb(250,250,245)"/>`,
    `<text x="${WIDTH / 2}" y="${PAD}" text-anchor="middle" font-size="15">${escape(title)}</text>`];
  for (const { node, x, level, w } of boxes) {
    const y = height - PAD - (level + 1) * FRAME;
    const share = ((node.value / root.value) * 100).toFixed(2);
    const short = node.name.replace(/^(\w+\.)+(?=[A-Z$])/, ''); // the class (without its package) and the method
    const chars = Math.floor((w - 6) / 7);
    const label = chars < 3 ? '' : (short.length > chars ? `${short.slice(0, chars - 2)}..` : short);
    out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${FRAME - 1}" fill="${level === 0 ? 'rgb(220,220,220)' : color(node.name)}">` +
      `<title>${escape(node.name)} (${node.value} samples, ${share}%)</title></rect>` +
      (label ? `<text x="${(x + 3).toFixed(1)}" y="${y + FRAME - 4}">${escape(label)}</text>` : ''));
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
