/**
 * The shared corpus of hostile and messy inputs. Every package's tests and the CLI's run each
 * input through their public API and check the same properties: no uncaught exception, output
 * valid against @yk/schema, no character lost. Sizes are kept test-friendly; the benchmark
 * suite (bench/pathological.mjs) scales the expensive ones up to check linear time.
 */
import iconv from "iconv-lite";

const seedLike = "本报讯（融媒记者 徐敏） 日前，市委副书记、市长胡勇春赴经济开发区开展活动。";

/** Mojibake: Chinese text encoded as GBK, then decoded as if it were UTF-8. */
function mojibake(text: string): string {
  return new TextDecoder("utf-8").decode(iconv.encode(text, "gbk"));
}

export const HOSTILE_INPUTS: Record<string, string> = {
  empty: "",
  "whitespace only": " \t\n\r\n\u3000\u00a0\n\n   \n",
  "only punctuation": "，。！？；：“”‘’（）《》、…—·".repeat(50),
  "binary bytes": String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  "lone surrogates and controls": "\ud800本报\udc00讯\u0000\u0001\u0007（记者\u001b 王明）\ud83d\ude00今天\u200b\ufeff下雨。\u2028\u2029",
  // 10 MB of UTF-8 on one line (3.5 million code units)
  "one 10 MB line": "测试文字，没有换行".repeat(Math.ceil((10 * 1024 * 1024) / 27)),
  "a million blank lines": "\n".repeat(500_000) + "正文。" + "\n".repeat(500_000),
  "mixed line endings": "第一行文字\r\n\r\n第二行文字\r\r第三行文字\n\n第四行。\r",
  mojibake: mojibake(seedLike.repeat(5)),
  html: `<html><body><h1>用心解难争主动</h1>\n<p class="byline">本报讯（记者 王明）</p>\n<p>今天，市长来到企业。&nbsp;&amp;</p>\n<script>alert("x")</script></body></html>`,
  markdown: "# 标题\n\n**本报讯**（记者 王明）今天下雨。\n\n- 列表一\n- 列表二\n\n[链接](http://example.com)\n",
  "English only": "The city council met on Monday.\n\nIt approved a new budget of 5.2 million dollars for the riverside park.\n",
  "traditional Chinese": "本報訊（記者 陳曉蘇）市委書記章旭升深入經濟開發區企業，開展「大走訪大調研」活動。\n\n他強調，要堅持問題導向。\n",
  "vertical text": [..."本报讯记者王明今天市长来到企业调研"].join("\n"),
  "unbalanced brackets and quotes": "本报讯（记者 \n\n今天“下雨\n\n（（（）））））\n\n”“”“\n\n《未完\n",
  "500-character headline": "超长标题".repeat(125) + "\n\n正文第一段。\n",
  "every byline form": [
    "本报讯（融媒首席记者 陈晓苏）",
    "本报记者 王明",
    "记者 王明 通讯员 李华",
    "本报北京3月24日电（记者 张三、李四、王五）",
    "新华社北京1月11日电（记者 赵六）",
    "王明 文/摄",
    "记者 王明 摄",
    "融媒记者 卢斌 摄",
    "（记者 王明 通讯员 李华）",
  ]
    .map((b) => `${b}\n\n${b} 今天下雨。\n\n`)
    .join("")
    .repeat(5),
  "numbers only": "1234567890 3.14 -42 1,000,000 50%\n".repeat(200),
};
