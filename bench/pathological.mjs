// Pathological inputs at a given scale (1 = about 100 kB), shared by the benchmark and the
// hostile-input tests: time must grow linearly with size on every one of them.
export const PATHOLOGICAL = {
  "one long line": (n) => "测试文字，".repeat(20_000 * n),
  "blank lines": (n) => "\n".repeat(100_000 * n),
  "vertical text": (n) => "竖\n排\n文\n字\n".repeat(12_500 * n),
  "only punctuation": (n) => "，。！？“”（）、".repeat(10_000 * n),
  "mojibake": (n) => "鏈姤璁锛堣鑰 鐜嬫槑锛変粖澶╀笅闆ㄣ€?\n".repeat(3_000 * n),
  "html": (n) => "<p class=\"x\">本报讯（记者 王明）今天</p>\n<br/>\n".repeat(3_000 * n),
  "unclosed brackets": (n) => "本报讯（记者 王明 今天下雨“没有结束\n\n".repeat(4_000 * n),
  "bylines repeated": (n) => "本报讯（融媒记者 王明 通讯员 李华）\n\n记者 张三 摄\n\n".repeat(2_000 * n),
  "numbers only": (n) => "1234567890 ".repeat(10_000 * n),
  // pdftotext-style blocks, every one cut mid-sentence at one measure: the most continuity candidates
  "cut blocks": (n) => "镇里去年投入资金改造了市场的顶棚\n和排水沟，还在入口处设置了公平秤\n\n".repeat(1_500 * n),
  // numbers broken onto lines of their own, as pdftotext prints them
  "broken numbers": (n) => "今年的丰收节定于9月\n1\n8日举行，全县 6\n0\n余家合作社参加。\n".repeat(1_500 * n),
};
