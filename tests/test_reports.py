"""Every fact of the hand-annotated stand-in reports, pinned one by one.

The sets of reports written for this project (SETS in tests/report_pinning.py), each a
folder with docs/ and gold/:

- tests/reports/: many publishers' styles (wire, portal, broker note, TV script, morning
  preview, Markdown with front matter; English, Traditional and Simplified Chinese, mixed;
  2019-2026).
- tests/reports2/: a harder batch in voices and constructions the first lacks: Bloomberg and
  Reuters wraps with many other markets, RTHK radio script, etnet flash notes, 大公報/文匯報,
  財聯社/證券時報 收評 with 南向 split into 滬/深港通, broker morning notes with index and
  top-mover tables, Futu app news, copied web pages, two-day tables, futures / ADR /
  short-selling / dividend-yield noise, full-width digits, Chinese numerals in speech, IPO
  debuts, suspensions, RMB counters, A+H pairs.
- tests/reports3/: the publishers and layouts of the five seed reports (flattened Markdown
  news pages, PortAI reviews, SEO explainers with cited headlines, crypto portals,
  narratives) with other content, dates and constructions.
- tests/reports4/: other voices again: AFP/AP/Xinhua/China Daily briefs, TVB scripts in
  spoken Cantonese, 阿思達克 flash notes, 信報 commentary, 第一财经 收评, app push alerts,
  year-end and half-year reviews, an IPO first day, ex-dividend stocks, a suspension, an index
  review, a typhoon closure, record falls.
- tests/reports5/: the most common kinds again (wire closes, TV and portal closes and
  middays, 收评/午评 with sector and stock lists), written fresh, with a few traps each.
- tests/reports6/: the constructions of issue 8 in phrasings the others lack (8 English,
  8 Traditional, 8 Simplified; 2011-2025): the market named without an index, intraday
  ranges and extremes, next-morning recaps, sub-indices, constituent statistics, weekly and
  conditional moves, an index named in a stock's descriptor, respectively/各/分別 lists with
  1-4 digit codes and Chinese numerals, money changes beside prices, record highs beside last
  prices, 昨日 moves, turnover changes, flows and short selling near 成交, IST bylines, past
  weekdays in the body, hard-wrapped lines, renamed and delisted companies (長實 00001,
  港燈 00006, Li & Fung, Foxconn International ...), research houses that are not mentions.
- tests/reports7/: a blind set, annotated from the schema without running the extractor
  (7 English, 7 Traditional, 6 Simplified; 2008-2026): a private bank's e-mail, a quant desk's
  bullets, a timestamped live blog, IPO debuts, a Christmas Eve half-day in Markdown, a weekly
  column, a 2008 wire with old names, a Cantonese radio script, a newspaper column, a typhoon
  afternoon-only session, a 2015 crash flash, a tab data sheet, a bilingual summary, an IR
  brief, an app push, a broker pre-market recap with ADR lines, a flows and short-selling
  digest, a quote board with arrows, a Markdown 收评.
- tests/reports8/: a second blind set (4 English, 4 Traditional, 4 Simplified; 2011-2026): a
  wealth manager's WhatsApp broadcast calling the HSI "the benchmark", a wire with a KEY POINTS
  box, a terminal headline stack, an HSI rebalance day in 2020, a midday note saying 大市, A+H
  pairs, full-width digits, a 2011 branch newsletter with old names, a broker 收评 with A-share
  涨停/跌停 lists, the HSTECH launch day saying 港股, a WeChat 北水 post, a midday Q&A.
- tests/reports9/: a third blind set (6 English, 5 Traditional, 5 Simplified; 2009-2026): an
  SCMP-style close, a broker's morning note in pts/pc with an index table line, an Asia FX wrap
  with Hong Kong as one paragraph, a futures desk note (cash vs futures, night session), a
  quarter-end review, a short-selling and Stock Connect data note, a 經濟日報-style close with
  old names, a Cantonese radio script in Chinese numerals, a warrants/CBBC desk note, a note
  with 上午收市 and 下午, a 國指/科指 piece naming sub-indices, a 智通 收评 by 板块, a 东方财富
  flash in full-width digits, a 雪球 post with 00700.HK codes, a 新浪 午评, a 港股通 flow report.
- tests/reports10/: a fourth blind set, the everyday kinds (6 English, 5 Traditional,
  5 Simplified; 2010-2026): a Xinhua brief with a yearless dateline, a Bloomberg wrap ("the Hang
  Seng Tech gauge", "the city's benchmark"), an RTHK radio bulletin, a Standard column with
  (0700) codes and southbound split by link, an Investing.com template with breadth and
  commodities, an HKEX monthly highlights release (monthly figures only), AASTOCKS 收市報告,
  an etnet 半日 flash, a 東方日報 column with 「700」 codes and old names, a 香港01 bullet list,
  a TVB script with a warrant and a CBBC, 格隆汇 and 每日经济新闻 收评 with 板块 lists, a 中新网
  close, a 华尔街见闻 午评 with 0700.HK codes, a 金融界 盘前 preview with ADR lines.
- tests/reports11/: a fifth blind set (5 English, 6 Traditional, 5 Simplified; 2008-2026):
  a Reuters close on the Stock Connect launch day ("the China Enterprises Index", midday
  moves, 0388.HK codes), an AP Asia roundup with Hong Kong in two sentences, a fund house's
  bullets ("HSI -0.4% to 24,120", 700 HK codes), an SCMP year-end review with annual moves,
  a crypto portal's wrap with a bitcoin ETF and a planned listing, a 新浪 收評, 信報 flash lines
  timestamped through the day, a TVB script with Chinese-numeral prices (三毫二仙) and a
  warrant, a 明報 column on a Christmas Eve half-day, a bank newsletter with 即日高／低 and
  2011 names, a WeChat post with emoji and 50億9,700萬, a 东方财富 Choice 收评 by 板块, a 雪球
  post with $代码$ tags and a US ticker, an e公司 午评, a 第一财经 opening flash with ADR
  lines, a 中新网 next-morning recap of 2008 with no year.
- tests/reports12/: a sixth blind set, everyday kinds (4 English, 4 Traditional, 4 Simplified;
  2010-2026): a Nikkei Asia-style close with a planned listing, a Bloomberg-style midday flash
  in bullets with 700 HK codes, a broker's evening note with a plain-text "Sector movers" table
  (0700.HK), a radio bulletin with figures read out in words and no year, an 經濟通 收市總結
  with 板塊 headings and 938億5,000萬, a 香港商報 港股述評 of 2010 with (0005) codes and a
  threshold high, a 有線財經 TV script with nicknames, an app push digest with times and
  「700」 codes, a 新浪 收盘点评 with 南向 split into 沪/深, a 每经 午盘 with a 个股 table, a
  中国证券报 daily with a weekly recap, a 富途 早报 recapping 昨日 with ADR and night futures.
- tests/reports13/: a seventh blind set, everyday kinds (4 English, 4 Traditional, 4 Simplified;
  2009-2026): a Dow Jones-style close with an open gap, an Edge-style column with an opinion
  paragraph, a wealth platform's market pulse with an index table (Close/Change/% Chg/Prev.
  close), a Saturday weekly wrap of Friday's close (2013 names), a 頭條日報 short close with
  1,309億5,000萬, an on.cc page of 收市/中午/開市/ADR updates, a 信報 close with a 窩輪 paragraph
  (升1.1倍), an AASTOCKS midday with a 成交額最大 table, a 澎湃 收评, a 21世纪 午评 with 南向 per
  stock, a 界面 快讯 stack (收盘/南向/午评/高开) with a planned listing, a 财新 2009 morning brief.
- tests/reports14/: an eighth blind set, styles not seen before (6 English, 3 Traditional, 3
  Simplified; 2008-2026): a live blog of the 2008 rout in HKT entries newest first, a desk's
  "what to watch" note recapping Tuesday with ADR levels and an ADR-implied open, a wire close
  with ", which" clauses and sector sub-indices, an IPO debut against the offer price with a
  grey-market session, an ETF issuer's flow table with leveraged/inverse HSTECH products, a
  broker's technical levels (support/resistance/targets, 11/03/2026), a 蘋果日報 chart column,
  a 文匯報 Christmas Eve half-day, a 巴士的報 異動 digest with 「700」 codes and no year, a 网易
  收盘 with (00700.HK) codes and a range view, a 证券时报 南向 table with 沪/深 parts and no
  year, a 财联社 收评 with a 昨日 figure.
- tests/reports15/: a ninth blind set, mostly Chinese (2 English, 5 Traditional, 5 Simplified;
  2008-2026 and one with no year): a 經濟日報 technical column (支持位/阻力位/目標價, 騰訊(700)),
  a 商台 radio script with spoken figures (二萬三千零七十五點, 九十二蚊半, 千二億), a 大公報
  Christmas Eve half-day close (中午收市), a 星島 Saturday column recapping a 2008 Friday (長實(0001),
  和黃(0013)), a broker 晨早通訊 with 夜期 and ADR (0700.HK), a 财联社 电报 stack with 港股异动 items
  and 万科A, a 证券时报 港股通 flow piece (净买入 per stock, 北向 in 元), a 同花顺 收评 with 板块 lists
  joined by 、, a 腾讯自选股 push dated 12月7日（周三） with 港股代码00700, a 小米 IPO debut (暗盘,
  招股价, open/low/high/close), a Macau casino-stocks wire, a podcast transcript with spoken numbers.
- tests/reports16/: a tenth blind set, all English, the everyday kinds of the held-out set
  (2021-2025, six with no year): a Reuters-style rebound close (Koolearn's old name, 'its best
  session since', Wednesday's and two-day moves), an AFP Asia wrap with a key-figures block, a
  Xinhua close with sub-indices and 'HK dollars' after prices, a radio bulletin ('ahead by around
  480 points', Hang Seng Bank, '91 dollars 85 cents'), a broker note with an index table and
  'Ganfeng / Tianqi fell 4.8% / 5.3%', an app heartbeat with open/low/midday/close snapshots and
  'Mar 12', a Mixue IPO debut (open, high, close against the offer price; HKT byline), a typhoon
  afternoon-only session, a Stock Connect flow story with its two legs and northbound in yuan, a
  morning wrap with ADR lines and an ADR-implied HSI, a midday review with 'respectively', a
  Christmas Eve half-day TV transcript.
- tests/reports17/: an eleventh blind set, all Chinese (6 Traditional, 6 Simplified; 2021-2026,
  half with no year): a 無綫 close with 低開/低見 and 1,968億5,000萬, an RTHK close on 周一 with
  先高後低 and 約一千一百億, a 明報 next-morning close with 千二億, 本周至今累計 and an ADR 比例指數,
  a 有線 Christmas Eve half-day (半日升145點), a broker 晨早快訊 with an index table (上證/道指/夜期
  rows) recapping 昨日, an app push dated 今日（24日）, a 新浪 午评 with a 分别 list, a 东方财富 收评
  with 、-joined names sharing 涨超2% and 南向 split into 沪/深, a 证券时报 南向 flow piece (净买入 per
  stock, 北向 in 元人民币), a 中新网 close of 11月3日电 with 1,126亿5,600万, a 蜜雪集团 IPO debut
  (open/high/close against the offer price, 暗盘, 冻资1.84万亿), a 2026 收评 with 倒跌, 开盘涨0.4%,
  a 地产分类指数 and breadth.
- tests/reports18/: a twelfth blind set on hard index constructions (5 English, 3 Traditional, 2
  Simplified; 2020-2026, half with no year): a wire close with 'soared 9.1% and 12.5%,
  respectively, to 20,087.50 and 6,863.77', a TV script in spoken numbers ('a tenth of one
  percent', 'up three and three point five percent respectively'), a crash day with midday and
  close and 'at 4,823.94, was down 12.8%', an open gap with high, low and close in one sentence
  and percent before points, a broker note whose index table has Prev close and YTD columns, a
  無綫 flash with 分別跌235點及88點 (points only) and 該指數, an RTHK script in Chinese numerals, a
  晨早快訊 recapping 昨日 beside an ADR 比例指數, a 新浪 午间 then 收盘 with 恒科指/H股指数, a 2026
  收评 with a three-index 分别 list and 涨超400点，最高触及26213点.
- tests/reports19/: a thirteenth blind set, stock and market facts in everyday constructions
  (4 Traditional, 4 Simplified, 2 bilingual English+Chinese; 2020-2025, half with no year): a
  2023 LPR-day close with (700) codes, 高開49點, 同跌逾4% after 、-joined names and 無升跌 breadth,
  a column with 「27」 codes, 升1.8元, 蚊 and 58仙 prices and a planned listing, a 2024 北水 piece
  with 滬/深 legs and 合計, a RMB counter (80700) and an ADR line, a 半日 note with -W/-SW/-B
  names, a range (介乎3%至5%) and 大和指出, a 东方财富 收评 with 港股代码01211 and 00175.HK, a 午评
  with a stock's 成交额 beside the market's and 年内累计, a 中新社 close with 涨20.4港元 and
  香港交易所 as a speaker's employer, a 智通 收评 with 9606.HK and 0700.HK codes, a bilingual
  wrap stating each fact twice, a bilingual broker brief with breadth, 北向 in RMB and 59 cents.
- tests/reports20/: a fourteenth blind set on index facts in English constructions the earlier
  sets lack (8 English; 2021-2025, half with no year): a wire close 'closed 3.4% lower at
  17,250.88, falling for a fourth session and shedding 609.43 points' with 'The H-share index
  (HSCEI)', a close that 'pared losses to end down 0.3%', 'trimmed its gain to 0.4% by the close'
  and 'erased an early 1.5% gain to close little changed at', an open drop ('which had dropped
  2.1% at the open to 19,704.58, recovered to close at'), a Q&A interview transcript with
  yesterday's move and forecasts, an e-mail digest with 'HSI -1.6% / HSCEI -1.8% / HSTECH
  -2.1%' bullets, an ADR line and a three-day run, a newsletter with an 'Index | Last | Chg |
  %Chg | Wk %Chg' pipe table, a correction note quoting the withdrawn figures, and a brief of
  figures in parentheses ('(HSI: 18,245.37, -0.8%)', '(1928.HK: HK$21.45, +3.3%)', 'unch')
  beside 'reversing a 300-point rally in the morning' and a futures line.
- tests/reports21/: a fifteenth blind set on index facts in harder constructions (4 Traditional,
  4 Simplified; 2021-2025, half with no year): a 2023 TV close with 三大指數全線下跌，恒指、國指、
  科指分別跌 and 曾失守19,200點關口，低見 beside 夜期, a 先升後倒跌 close with 高開 and 最多升…高見,
  國企指數(H股指數), 跌幅收窄至 and an ADR比例指數, a 2021 RTHK 半日收報 then 尾市急跌 with 全日波幅 and
  昨日升4%後，今日回吐, a 較上日收市跌 column with 周線/今年以來 and two ETFs (03032, 02800), a 2025
  收评 with 跌幅收窄至31点 and a 22,000点至24,000点 forecast, a 周五 close with 美股 and 周线, a 2024
  收评 with 分别 lists, 昨日恒指大跌 and 年初至今, a 午评 with 期指 and 一度涨2%，半日收涨1.2%.
- tests/reports22/: a sixteenth blind set on index, stock and market facts in everyday English
  formats (8 English; 2021-2025, half with no year): a strategist's note whose 'Market wrap' has
  'Hong Kong's main index finished in the red by 9.41 per cent at 20,926.79, a fall of 2,172.99
  points', '(0960 HK)' codes, 'held up better, with a 5.9% decline' and a year-end target, a
  fintech app summary with 'HSI 19,388.42 +0.6% +116.05' rows, '(1810.HK) HKD 17.86 +4.2%',
  'unchanged' and a price alert, an IR newsletter with 'The blue-chip index lost ground for a
  second day, closing 4.22 per cent lower' and CICC and HKEX as sources, a sector wire with
  'rose 4.0% and 6.5%, respectively', a podcast's show notes with timestamps and a cited headline,
  a statistics note with 'a decrease of 619.17 points (2.73%)', '(700)' codes and RMB northbound,
  a fund manager's commentary with 'decliners beating advancers 1,034 to 651' and a range, and a
  Sunday review of Friday's close beside weekly moves.
- tests/reports23/: a seventeenth blind set of everyday kinds (4 Traditional, 4 Simplified;
  2021-2025, half with no year): a 2021 broker 收市點評 with 收跌200.52點或0.7%, 全日波幅, 支持/阻力,
  若失守 and (700) codes, a 財經台 字幕 in short lines (曾跌182點 / 午後倒升 / 升幅0.53%, 千二億,
  科指成份股 八成上升, 夜期), a 港股通 data note with 沪/深 split, 北向 in RMB, per-stock flows and
  00700.HK codes, an IPO with 上周五暗盘 then 首日 盘中最高 and the stock's own 成交额, a 午评 by
  板块 with 分别, 持平于 and 涨幅收窄至…早段一度涨, a Cantonese 講座 transcript in Chinese numerals
  with 「700」 codes, an emoji post with H股指數, 曾跌…尾市跌幅收窄 and 「2318」平安, and a 周末回顾
  with 本周/年初至今 beside the 周五 close and 0700.HK codes.
- tests/reports24/: an eighteenth blind set in formats the others lack (5 English, 3 bilingual or
  code-switched; 2020-2026, half with no year): a 2022 trading desk's chat log with timestamps and
  HK:0700 codes (open, 'at lunch', MIDDAY and CLOSE tables, a price alert, '(HKT)'), a numbered
  thread ('$HSTECH +3.6%', 'The Composite', 'since the October low … up ~18%'), a copied quote
  page (Previous close, Day's range, 52-week range, YTD/1-year columns, 0700.HK rows), a broker's
  lunch e-mail with 5D/YTD columns and 'moved 0.9% and -0.4% respectively, to', a 2020 personal
  newsletter (cost prices, targets, 'Decliners beat advancers … 1,184 to 602'), a bank's bilingual
  next-morning brief stating each fact twice (ADR 比例指數, 夜期, 1,502億9,000萬), a 2024
  Cantonese-English forum post (close 咗喺, 高開, 最高見過, a call 輪), and a 2026 中英 broker daily
  with 分别 lists, 最多涨超300点, 恒生医疗保健指数 and 本周累计.
- tests/reports25/: a nineteenth blind set in voices not seen before (4 Traditional, 4
  Simplified; 2020-2026, half with no year): a 2022 forum thread in Cantonese (插咗, 蚊, 「9988」,
  跌咗超過一成, a reply restating the intraday low as 14,597.08 / 9.96%, 騰訊購 跌咗九成幾,
  上個禮拜五), an exchange-style 每日統計摘要 (index and top-turnover tables with bare 變動（%）
  columns, 上升證券數目, 沽空, 期貨 rows), a 2020 讀者信箱 recapping 昨日 (cost price, 目標價/止蝕, a
  warrant called 該證), a broker app's feed (alerts set and triggered, 開市/半日/收市, 齊跌逾1%), a
  2024 港股日报 (近5日/年初至今 columns, 涨跌比695:1,102, 北向 in RMB, 港股跌1.2% beside an A
  share), a short-video voice-over in spoken numbers (三个多点, 八十块八毛, 港股代码一二一一,
  八十多亿), a 2026 live link (H股 names, 一度扩大至1.4%以上), and a fund house's ETF daily
  (Shanghai-listed ETFs, 中证 indices, 约四成).
- tests/reports26/: a twentieth blind set in professional and club formats (5 English, 3 mixed;
  2021-2025, half with no year): a 2023 exchange market-operations notice (a closing index table
  with high and low, HK$87,456 million, southbound by leg and in total, northbound in RMB), a
  bank's morning call recapping "yesterday" ('after touching 25,700', '(981 HK)', an ADR-implied
  open, 1.3x P/EV, '(HKT)'), a 2021 fund factsheet (top-10 weights, monthly returns, final-day
  moves), a sales-trader close colour ('HSI 17,655.41 (-0.61%, -108.7)', '@ 63.25', 'unch',
  'JD / BABA -1.8% / -2.0%', Adv/Dec), a 2025 newest-first live blog, a Cantonese column mixing
  in English words (Tencent（700）, flat收$296), a 2024 公众号 daily wrap (收平, 都跌超3%, 十月八号
  another day), and student-society minutes (全日最高/最低, 齊升逾5%, a paper portfolio).
- tests/reports27/: a twenty-first blind set in Chinese voices not seen before (4 Traditional, 4
  Simplified; 2020-2024, half with no year): a 2024 財經台 script in 主播/記者 lines (工行持平, a
  15,800-16,500 forecast), a bank 晨報 recapping 昨日 (ADR 比例指數, 夜期, 拖累恒指約10點), a 2021
  財華社 快訊 stack from 期指 to 夜期 (warrants 編號：19830, 齊挫逾3%), a Cantonese radio phone-in
  (一度跌咗二百八十幾點, 無升跌, 年初計升咗超過五成), a 2022 券商周报 whose 周五（11月11日） section
  sits beside the week's other days (涨1.1倍, 中银购), a 公众号 复盘 (振幅, a price alert, 沪/深
  南向), a 2020 newspaper 综述 recapping 昨日, and a 雪球 post of holdings with cost prices and 平收.
- tests/reports28/: a twenty-second blind set in professional and social formats (5 English, 3
  mixed; 2021-2025, half with no year): a 2023 compliance memo to an investment committee ('(HK:0700)',
  'as high as 17,240', a triggered price alert, '% of NAV'), a Reddit-style post with comments ('gap
  up of about 250 points' under a heading, '$9988'), a 2025 bank FX and equities daily ('(388 HK)', a
  low below the 24,000 mark), a clean-energy fund's note (the HSCI as benchmark, the Hang Seng ESG 50,
  'each gained over 6%' then a price, '-45bp'), a 2021 LinkedIn post (Evergrande 3333,
  'respectively'), a bilingual app notification log ('｜' watchlist rows, a warrant 21566, 夜期), a
  machine-translated 2024 收评 ('National Enterprises Index', 齊跌超3%), and a bilingual
  language-learning column with a dated 2008 example.
- tests/reports29/: a twenty-third blind set in Chinese outlet kinds not seen before (4
  Traditional, 4 Simplified; 2020-2026, half with no year): a 2023 經濟日報 收市快訊 (低開54點 /
  最多升93點 / 跌幅一度擴大至346點, a warrant 編號：21398), a 明報-style column (半日 then 收市跌幅收窄至
  158點, a 370元 threshold), an exchange 月報 whose only day is 月內最後交易日（10月31日）, a 2020
  新华社稿 naming stocks without codes (同期下跌约8%), a 富途 post in Cantonese ($騰訊控股
  (00700.HK)$, 冇升冇跌, 同-joined 分別, a 牛證 bought 上個禮拜五), a 券商盘中点评 through the day, a
  2026 期货公司晨报 recapping 昨日（3月9日） beside 夜盘 and 隐含波动率, and a 东方财富 7×24 stack
  newest-first (中概股 in New York).
- tests/reports30/: a twenty-fourth blind set in English and mixed formats not seen before (5
  English, 3 mixed; 2020-2026, half with no year): a 2023 wire preview and its update (March
  futures, 'Monday's cash close'), an options desk's end-of-day note ('touched 18,012.30 ... (+0.4%)',
  a warrant 65412), a 2020 newspaper markets page with a table and breadth, a Singapore outlet's
  Hong Kong section ('here' is the STI), a translated Japanese broker's column ('minus 1.56%'), a
  Cantonese-English WhatsApp export ('HSI 而家 23,580，升緊 2.1%', '開 $505'), a bilingual IR email
  quoting its own share, and an English anchor with a Cantonese reporter's package.
- tests/reports31/: a twenty-fifth blind set in Chinese outlet kinds not seen before (4
  Traditional, 3 Simplified; 2020-2025, half with no year; its writer stopped at seven): a 2022
  香港電台 translation from the English desk (跌幅為百分之6.36), a 頭條 free-paper brief (昨日 then
  半日), a 2020 broker's 日評 with ratings, a bank's 早晨市場速遞 recapping 昨日（星期三）, a 2025
  第一财经 晚间播报 script (A股 beside 港股), a 证券日报 港股通 column, and a 小红书 caption with
  emoji rows.
- tests/reports32/: a twenty-sixth blind set in English and mixed formats not seen before (6
  English, 2 mixed; 2021-2026, half with no year): a 2021 UK paper's Asia-Pacific round-up (Nikkei,
  Kospi and ASX first, 'put on 357.60 points, or 1.44 per cent', 'down 7.7 per cent since January',
  a property sub-index), an earnings-day Xiaomi wire with the index in its last paragraph ('opened
  up 5%', 'as much as 9.8%', 'slipped 2.5% on Thursday', ADRs, targets), a 2025 terminal-style close
  digest ('700 HK  +3.2%  512.00' rows, 'Gapped up 186 pts', 'unch at 19.72', '2318 HK / 1299 HK
  +1.5% / +2.2%', alerts), a sell-side 'what moved' list of 30 names ('both -5% or more', '-3% each',
  'between -0.3% and -0.8%'), a hedge fund's March 2022 letter recalling 15 March (monthly returns,
  'The following day ... jumped 9.08%'), a market maker's ETF flow note (2800 HK, 3033 HK, 7226/7552,
  3188 unchanged, FXI), a Malaysian paper's 区域股市 with English headings recapping 昨日 (阻力位,
  KLCI/STI/日经, 同涨逾4%), and a 2026 bilingual SRT subtitle file whose close is split over two cues.
- tests/reports33/: a twenty-seventh blind set in Chinese outlet kinds not seen before (4
  Traditional, 4 Simplified; 2020-2026, half with no year): a 2020 信報-style column with
  2003/2008 history (一度升近500點, 同樣漲逾6%), a 2025 新股首日一覽 of three debuts (開市/最高/收市
  rows under 「一、三花智控（2050 HK）」, 暗盤), a Cantonese YouTube 收市 live transcript (1.58個巴仙,
  兩個半巴仙, 收58蚊半, a warrant 「12981」, a 到價提示), a 2022 TV news subtitle script with 記者
  lines (低開131點, 分別, a 字幕卡), a 界面 收评 with 板块涨幅榜/跌幅榜 and an HK-listed code on every
  stock, a 2026 知乎 answer (0700.HK forms, 超百亿 then 112.6亿), a timed 微信群 export (8个点, 午盘
  then 收盘), and a fund 月报 recapping 10月8日 beside monthly moves and holdings weights.
- tests/reports34/: a twenty-eighth blind set in English and mixed formats not seen before (6
  English, 2 mixed; 2020-2026, half with no year): a 2024 Indian paper's world-markets column
  with a HONG KONG: paragraph (Sensex in crore, 'building on Monday's 1.8 per cent rise'), a
  US portal's 'Hong Kong Stock Movers' with company blurbs (HK:9988 forms, 'each fell more than
  4%', 'offloading a net HK$1.38 billion'), a credit desk flash quoting developers' equity beside
  bond points ('17 HK / NWDEVL', 'Equity fell 4.2%', '58/60'), a robo-advisor's client email
  (portfolio returns, an AIA alert), a university tutorial handout on 19 March 2020 with
  exercises, an earnings-call transcript ('your stock is down 8.1%'), a 2025 bilingual property
  agency 樓市快訊 (CCL, 分別, 「17」) and a 2026 commodity desk note on miners and oil names.
- tests/reports35/: a twenty-ninth blind set in Chinese outlet kinds not seen before (4
  Traditional, 4 Simplified; 2021-2025, half with no year): a 東方日報-style 馬經 column with
  高開一百零幾點, 半日收 and 原地踏步, a 商台 DJ two-host Cantonese chat (二點六個巴仙, 4%有多, an
  intraday low split over two speakers), a 券商 app push log of timed 異動股 lines led by 5-digit
  codes (分別…及…, 到價提示, a 小米 warrant), a 港交所-style 統計摘要 (an HSCI row, 開市/最高/最低,
  十大成交, HK$…百萬 market figures), a 澎湃 两岸三地 收评 with A/H pairs and 台股, a 抖音 口播 in
  spoken numerals (二十五块八, 四十二个亿, 站上两万一千八百点), a 2021 窝轮/期权 note (沽证/熊证
  codes, 引伸波幅, 昨日 moves), and a 家族办公室 weekly letter with a Friday recap.
- tests/reports36/: a thirtieth blind set in English and mixed kinds not seen before (6 English,
  2 mixed; 2020-2026, half with no year): a Korean news agency's Asia round-up led by the KOSPI
  (its 521-to-354 breadth, 'as much as 1.9 percent', a sector sub-index, Monday's moves), a Manila
  broadsheet's business page (PSEi breadth and pesos, 'up 0.9 percent at the lunch break', '(HK:
  0027)' codes, Melco Resorts in New York), a strategist's weekly with a Friday table of WTD/YTD
  columns and '700 HK' movers, a newsletter in the 'Morning Brew' style ('The Labubu maker ripped
  as much as 7.9%', 'each fell more than 3%'), a Q&A explainer with 'Published: 4 September 2025'
  and a warrant with no code, a graphics desk's chart alt text (a gap-down open, '(close
  6,910.33)', an HSCI bar, 'HK:2331' bullets), a bilingual Macau gaming daily (齊升逾4%, 早段曾升6%,
  a year-to-date line) and a trader's Notion journal in 中英 (→ levels, 昨天 科指, stop-loss and
  price alerts).
- tests/reports37/: a thirty-first blind set of everyday Chinese kinds (4 Traditional, 4
  Simplified; 2021-2026, half with no year): a Macau paper's 財經版 (高開142點 / 升幅一度擴大至530點，
  高見, 博彩股分別/齊升逾3%, 無升跌, 前日已升312點, a sub-index and 夜市), a 2022 broker 晨報 recapping
  昨日 with a 重點股份 list ((700) codes, 無升跌), 技術分析 levels, 目標價/止蝕價 and northbound in RMB,
  a 信報-style column with 收市 rows (HSCI, 恒生地產 and 上證 rows, 半日收報, 後者收報), a 2024 fund NAV
  commentary with a 佔淨值 | 今日變動 | 收市價 holdings table (0700.HK, the 2800 ETF) beside MSCI and
  fund returns, a 雪球 复盘 in emojis (HSI/HSTECH, 鹅厂, 高开60点 with no index named, 成交
  2,312亿HKD, 平收), a 2021 新华社 开盘/午盘/收盘 series (以…开盘，较上一交易日收市涨, full company
  names, 沪/深 legs), a 2026 每经 深度 on 创新药 (恒生医疗保健指数, A+H pairs, 盘中一度跌超10%，收盘跌幅
  收窄至), and a 投顾 直播 transcript (分别上涨, 700 HK / HK:9988 codes, 期货低水, support and a
  price alert).
- tests/reports38/: a thirty-second blind set in English and mixed kinds not seen before (5
  English, 3 bilingual; 2022-2025, half with no year): a Seeking-Alpha-style Li Ning article
  with a five-day price table and an ADR beside the 2331:HK close, a broker results flash (TP,
  "Shares opened 3.1% higher", midday "the stock was at HK$16.48") with 175 HK codes, a quant
  desk's key:value EOD dump (HSI.close:, mkt.adv:, a CSV top-movers block, price alerts), an
  HKEX unusual-movement announcement ("the Shares ... representing an increase of approximately
  22.8%", Stock Code: 2096), FT-style Markets Live posts with names only, a bilingual Telegram bot
  (HK:2015 ➜ HK$98.15, 按週 section), a Kongish Instagram carousel (「700」, 1810 HK, 齊跌逾4%) and
  a bilingual desk handover (00700 腾讯, 分别 with slashes, 高开 186 点).
- tests/reports39/: a thirty-third blind set in Chinese outlet kinds not seen before (4
  Traditional, 4 Simplified; 2020-2026, half with no year): a 2023 bank 財富管理 weekly dated Monday
  whose 上週五港股回顧（2023年6月16日） is the subject day (高開118點, 週線, 年底目標, 週四曾急升3%，週五回軟
  0.5%), a TV 早晨財經 script on 昨日 (一度升185點 / 最多跌過230點, 分別…同…, 齊齊跌近2%, ADR 折合港元,
  夜期), a 中央社-style Taiwan-phrased 亞股收盤 wire (以…點作收, 一度下探 / 盤中最多上漲超過400點, 比亞迪A股
  漲停), a Cantonese 股壇 column (抽高三百幾點, 跌成兩個巴仙, 千九億, 淨沽22億, a codeless 認購證, 跌穿
  110蚊), a 格隆汇 港股异动 flash stack (高开 then 收涨, 盘中最高触及 price), a 华尔街见闻 newest-first live
  feed, a 2026 证券时报 收评 by 板块 with HSCI, 介乎1%至2% and 沪/深 southbound split, and a 微博 post
  with $名称(hk09988)$ cashtags and holdings.
- tests/reports40/: a thirty-fourth blind set in English and mixed kinds not seen before (6
  English, 2 mixed; 2021-2026, half with no year): a portal's English market wrap with sector
  headings ('reversed an early dip of 57 points', 'TENCENT (00700.HK)', 'Advancing stocks outnumbered
  declining ones 1,096 to 588', a call warrant 18743, an untriggered alert, 'ended unchanged at'), a
  2022 state-TV business rundown script (VO/SOT/GFX cues, 'stock code 700', a crawl line), a 2024
  next-morning newspaper close with analyst quotes ('Decliners trounced advancers by 1,378 to 367',
  'the tech index'), lowercase YouTube auto-captions with timestamps, a 2021 HK-vs-A-share letter
  (HSCI, 2318 HK / HK:9999 codes, A-share lines), a property-rally commentary (a sub-index,
  'between 3% and 5%'), a 2026 bilingual morning-meeting slide deck recapping 昨日 (17/3), and a
  PM-analyst e-mail thread in 中英 with a quoted midday snapshot (涨跌家数 1,012 : 735).
- tests/reports41/: a thirty-fifth blind set of everyday wire and portal closes (4 Traditional,
  4 Simplified; 2021-2025, half with no year): a 2024 經濟日報 即時 收市 with 低開/一度擴大至/上午收市,
  (00700) codes, 齊升約0.5% and 持平, a 明報 快訊 先升後倒跌 with (700) codes, 分別跌…收報… and
  北水淨沽 split into 滬/深, a 2022 AASTOCKS 收市評論 with (00700.HK) codes, 升跌股份比例1,287:519 and
  陸股通 in RMB, a 信報 即時 Friday close with 全周累跌, 南向 半日 beside 全日 and warrants by 編號, a 2025
  新浪 收评 with (0700.HK) codes, 最多涨超300点 and 平收, a 财联社 收评 naming stocks without codes
  (分别收涨 then the levels apart, 昨日 moves, a 港股通成交活跃股 table), a 2021 中新社 close (周四 in
  a clause, 香港交易所 as a source, a speaker's employer and a stock), and a 智通 收评 by 板块.
- tests/reports42/: a thirty-sixth blind set of everyday English wire and paper kinds (6 English,
  2 mixed; 2020-2026, half with no year): a Reuters-style MIDDAY then CLOSE pair in '**' bullets
  ('had opened 45 points higher', <0700.HK> codes, morning turnover, Wednesday's drop, week and
  year moves, March futures), a 2024 Bloomberg-style slide ('fell as much as 3.6%', 'a measure of
  technology shares in the city', 'each fell more than 5%', '64 Hong Kong cents', Everbright as a
  source), an AFP-style Asia round-up with a key-figures block ('as much as two percent'), a 2020
  SCMP-style story with analyst quotes, 'respectively' and a STOCKS TO WATCH box ('Sun Hung Kai
  Prop (16)'), a 2026 Standard-style next-morning brief ((0981) codes, 'was flat at', 'as much as
  402 points'), an RTHK-style radio bulletin in spoken figures ('point eight percent', '512 dollars
  50 cents', '6 point 3 billion dollars'), a 2022 AAStocks-style English commentary with a 中文摘要
  (TENCENT (00700.HK), BABA-SW, a warrant (16824), RMB northbound), and a mainland portal's English
  close with Chinese tags (2269 HK / HK:6160 / (01801), 沪/深 southbound legs, short selling, a
  sub-index, an A-share limit-up).
- tests/reports43/: a thirty-seventh blind set of everyday HK and mainland outlet kinds (4
  Traditional, 4 Simplified; 2020-2026, half with no year): a 2024 香港01 收市 with 【】 sections
  ((00700) codes, 齊瀉逾5%，分別收報, 無升跌, 一度急挫逾一成 then 收窄至, 延伸閱讀 headlines), a 東方日報
  股市縱橫 column on 昨日 ((939) codes, 九百六十三億元, 升跌股份比例821比976, warrants by 編號, 目標價/止蝕,
  a reader's 成本價), a 2020 星島 即時 rotation close (高開230點 / 曾升逾400點，高見 / 午市收報, 前日 moves,
  北向 in RMB, 南向淨賣出), a 無綫新聞 財經 page of timed items naming stocks without codes (a headline
  with 曾失守二萬點, an IPO against its 招股價, 周生生 as a gold shop), a 2025 东方财富 港股收评 by 板块
  (00700.HK codes, 前者报, 收平, A+H pairs, 中金 as a source), a 证券时报网 午评 (跌幅最多扩大至逾1%,
  均持平，分别报, 停牌, 昨日（1月16日）), a 第一财经 快讯 stack from 09:20 高开 to 夜期 (stocks' opening
  moves, 截至发稿, 现涨0.5%), and a 2026 中国基金报 close (站上27,200点, a 港股通 table, 超百亿…达112.35亿).
- tests/reports44/: a thirty-eighth blind set in English and mixed kinds (6 English, 2 mixed;
  2020-2025, half with no year): a 2025 Reuters-style 'CHINA STOCKS' combined close with Hong Kong
  among mainland bullets ((0700.HK) codes, an index name cut at the wrap, 'as turnover picked up
  to'), an EJ Insight-style column ('gave up an early 3 percent gain to close flat at', a verb left
  out across a wrap, a southbound relative clause, a warrant at '22.1 cents'), a 2024 CNBC-style
  Asia-Pacific story with a Hong Kong post, a Nikkei Asia-style developer slump (a sub-index, a bond
  '41 cents on the dollar', 'which runs the Beike home-sales platform'), Xinhua English
  open/midday/close flashes, a 2020 RTTNews-style preview ('collecting more than 1,000 points or
  4.4 percent along the way', 'after trading between', 'gave away'), a 2023 bilingual bank wealth
  daily recapping yesterday (a 'Chg 變動(%)' table, 升跌股份為452隻對1,389隻) and a TVB Pearl-style
  script with Chinese graphics.
- tests/reports45/: a thirty-ninth blind set of everyday Hong Kong outlet kinds, all Traditional
  (2020-2025, half with no year): a 2025 經濟通-style 《收市評論》 with 【】 sections (低開118點 /
  一度跌逾450點，低見 / 午市收報, HSCI, 沽空 by stock, a warrant 編號：18765); a now新聞 item with a
  Cantonese 片段 (高開213點, 最多升逾800點, 齊升超過一成, ADR lines); a 2020 新城財經台 hourly bulletin
  log (現報 snapshots, 升幅擴大至900點以上, 北向 in RMB); a 大公報 next-morning story (計及周一, 中金 as a
  source, 科網龍頭股); a 2023 耀才-style 晨早快訊 recapping 昨日 (a (700) table with 0.0%, ADR rows, 今日
  部署, warrants by code); a 2022 路透中文 港股收盤 (0700.HK codes, 要聞 headlines); a 中央社 港股 close
  (恆生, 收在, 持平在港幣4.88元, 新台幣 conversion) and an am730 Cantonese column on a 除夕 half-day.
- tests/reports46/: a fortieth blind set of everyday mainland outlet kinds (8 Simplified;
  2020-2026, half with no year): a 2024 上海证券报 next-morning story with analyst quotes (其中通过港股通,
  跌幅一度扩大至逾3%，最低见, 齐跌逾7%), a 2023 broker 港股晨报 (隔夜美股, ADR 比例指数, 低开388点, an index
  table with 上证/日经 rows), a 老虎 app 收评 with ｜ stock cards (515.000), 平盘 breadth and a price alert,
  a 证券日报 创新药 column (其中信达生物, HKEX as the rule maker), a 21世纪 feature with analyst targets, a
  券商中国 afternoon-plunge story (今天午后, 截至发稿 figures, 昨日恒指 in a quote), a 2020 央广网 radio
  dialogue (a headline 港股放量大涨3.8%, 涨超16%，盘中一度大涨逾20%), and a 2026 富途 收评 with English
  names (股价 opening the sentence after a company's news, an ETF 03033).
- tests/reports47/: a forty-first blind set of everyday kinds (4 English, 2 Traditional, 2 mixed;
  2022-2026, half with no year): a 2023 local broker's English daily (MARKET RECAP / STOCKS IN FOCUS /
  TECHNICAL VIEW, 'gave back part of Wednesday's 3.9% surge', a warrant '(code 21843)' flagged last
  week, 'RSI(14)'), a private bank's Asia equities daily (a Close/Chg % table), a 2025 app news
  'Hong Kong Stocks Close' ('rose as much as 1.6% ..., topping 26,800'), a fund house's weekly whose
  'week to 14 March' table sits above Friday's close, a broker 日評 (承接昨日跌勢，低開87點, 無升跌), a 2022
  財經電台 節目重溫 with listener calls, a bilingual IR desk brief with 'Sources: ..., HKEX', and a 2026
  bilingual broker PDF extract (a futures row 'HSI Fut (Mar)', 'Advancers/Decliners 1,054 / 748').
- tests/reports48/: a forty-second blind set in English and mixed kinds (6 English, 2 mixed;
  2020-2024, half with no year): a 2022 wire 'Hong Kong stocks end lower as ...' close with a
  SECTORS section, a Dow Jones-style 'Hong Kong Shares Close' brief ('climbed as high as', bare
  (1810) codes), a 2024 Investing.com 'higher at close of trade' item (HK:0960 codes, 'rose 8.11% or
  0.75 points to trade at'), a Business Times-style Asian wrap ('per cent'), a 2021 broker's Daily
  Morning Note with its date in a right-hand column ('Units closed at', 'call warrant 20385 (strike
  HK$688, exp. Dec-21)'), a results-day story on HSBC ('Turnover in the counter', 'which is
  majority-owned by HSBC, ... respectively', 'a 2% gain in the Hang Seng'), an ETNet-style bilingual
  大市評論 (全日高位/低位) and a 2020 bilingual JD.com secondary-listing debut beside NetEase's.
- tests/reports49/: a forty-third blind set of everyday HK outlet kinds (8 Traditional; 2021-2024,
  half with no year): a 2024 經濟通 即時 【收市】 (低開43點 / 一度倒升至 / 最多跌231點，低見, 盤中曾見69元 after
  收68.75元), a 信報 即時 港股收市 (warrants and a 牛證 by 編號 升1.1倍), a 2021 東網 story (濠賭股齊跌逾5% then
  names with prices), a 新浪香港 收市 ((00700.HK) codes, 分別收報…分別跌), a 2022 broker 港股市場評論
  (收市價/目標價/止蝕價, 「618」購物節), a broker evening 大市分析, a 2023 友邦 results-day story and a
  毛戈平 IPO debut (暗盤, 較招股價仍高26.2% after 回落至).
- tests/reports50/: a forty-fourth blind set of everyday mainland kinds (8 Simplified; 2021-2025,
  half with no year): a 中证网 收评 (低开, 港股通 沪/深), an IPO-debut story (暗盘, 平开于16.80港元, a
  look-back at earlier debuts), a 金融界 收评 (bare four-digit codes, warrants), a 腾讯自选股 push
  ((hk00700) codes, a name-only losers board), an e公司 results story on Meituan (港股 meaning its
  shares in a headline), a 财新 story (English names in brackets), a 格隆汇 收评 by short names, and a
  每经 收评 (恒指低开低走跌1.6%, 另有837只收平, a 港股通 most-active list repeating the body).
- tests/reports51/: a forty-fifth blind set of sector and theme stories (2 English, 2 Traditional,
  2 Simplified, 2 mixed; 2022-2025, half with no year): Macau casino stocks after GGR, a banks and
  insurers dividend-season 收市評論, an EV-deliveries 收评 (销量…H股跌1.6%, 3%多, 目标价…上涨空间), an ETF
  desk's flow note (2800/2828/3033/3188 HK), a 2022 TV script on an oil spike, a biotech 午评 beside the
  Nasdaq biotech index, a 2023 bilingual broker note on a defensive rotation, and a Cantonese forum
  post on a property rally (高開 310 點 then 最勁時升 2.9%, 除咗碧服).
- tests/reports52/: a forty-sixth blind set of everyday wire, broker and paper kinds (6 English, 2
  mixed; 2021-2025, half with no year): a Reuters-style opening flash with a MIDDAY UPDATE, an AP 'Asian
  shares mixed' story, a Bloomberg 'rise most in a week' with an intraday chart caption, an SCMP-style
  week in review, an EJ Insight-style column on southbound flows ('and handset-lens maker Sunny
  Optical', 'whose earnings depend on turnover'), a Standard-style 'Hang Seng slips as property weighs'
  ('target price to HK$41 from HK$45', 'had gained 1.2 percent on Tuesday'), a broker's bilingual Market
  Wrap e-mail and a Singapore paper's bilingual brief ('Thursday (Sept 5)', "Wednesday's 1.1 per cent
  drop", a forecast range, 'Its Singapore-traded shares').
- tests/reports53/: a forty-seventh blind set of Traditional Chinese reports (2021-2025, half with no
  year): a 2024 明報 close with 【板塊】 headings (一度跌至 … 最多升271點, a 港交所 statistic that also moves
  the stock), an 經濟日報 即時 半日, a 2022 信報 technicals column, a 香港商報 述評 (平收874隻；82隻恒指成份股),
  a 2025 商台 rolling page newest-first, a 輝立-style 每日港股策略, a 2021 阿思達克 收市評論 and a 星島 午市
  (公司周二曾升逾5%).
- tests/reports54/: a forty-eighth blind set of mainland portal and wire kinds (8 Simplified;
  2020-2025, half with no year): a 证券时报 午评, a 上证报 收评, a 中国基金报 创新药 story, a 财联社 收评 in
  【】 sections, a 智通 收评 with 北水 per stock and a warrant with no code, a 2021 东方财富 开盘, a 新浪 close,
  and a 2020 broker 港股日报 (高位见…低位为, RSI（14）).
- tests/reports55/: a forty-ninth blind set of everyday kinds (3 English, 3 Chinese, 2 bilingual;
  2022-2026, half with no year): a results-day wire on Tencent, a 首周 IPO 收评, a private bank's weekly
  outlook, a 晚間財經新聞 script, a radio market minute ('55 dollars 35', 'Geely lost 3.9'), a 自媒体 收评
  (这一个月涨了六成多), a bilingual broker-app push ('22,620.33 ▲ +806.29 (+3.69%)', a watchlist alert) and a
  2026 newsletter with Chinese rounded summaries.
- tests/reports56/: a fiftieth blind set of everyday kinds (4 English, 2 mixed, 2 Traditional;
  2021-2025, half with no year): an Asian round-up with Hong Kong among Tokyo, Seoul, Sydney and
  Shanghai, a property-and-banks story ('a sub-gauge of the benchmark', a company inside a relative
  clause), an English midday ('dropped as much as 5.8% before recovering to trade 3.1% lower'), a short
  business item ('A further 846 stocks were unchanged'), a bilingual wrap ('high 26,401.30 (+0.2%)',
  'Adv / Dec: 612 / 1,204'), a bilingual e-mail ('had fallen 2.7% on Thursday'), a 港股收市 in 【】
  sections and a Cantonese evening script (九百八十多億 then 確實數字係986億元, 友邦同平安).
- tests/reports57/: a fifty-first blind set (8 Traditional; 2022-2026, half with no year): a radio
  bulletin in timed items, a free paper's Cantonese lunch column (恒指昨日已經跌咗304點，收市企喺), a CBBC
  issuer's daily (收回價 zones, a 上日回顧 section, 全日高位見…，低位…), a forum close thread (插近600點，最低
  21,961, 北水走咗38億), a weekly magazine with a day table, an app's push log (持倉 changes, a 16:10 close
  heading), a next-morning 文匯報 story and a broker 晨報 with 昨收 stock cards.
- tests/reports58/: a fifty-second blind set of mainland kinds (8 Simplified; 2021-2025, half with no
  year): a 新华财经 close flash, a 第一财经 story (为恒指贡献了约90点), an 澎湃 早评 with a 回顾前一交易日
  paragraph, a 界面 收评, a 华尔街见闻 digest, a 同花顺 收评 with （HK6160） codes, a 证券之星 roundup and a 雪球
  post whose close names no index (下午继续走强，最后收在…; 快手 1024 平盘).
- tests/reports59/: a fifty-third blind set of less common everyday kinds (3 English, 3 Chinese, 2
  mixed; 2020-2026, half with no year): a family office's monthly letter ('Circulated Monday, 2 December
  2024', 'On the last trading day, Friday 29 November', 'across the whole of November'), a warrants and
  CBBC daily ('HSI bull contract 65209'), an options desk's e-mail ('(low 24,196.53)'), a 期指期權 summary
  (認沽期權收報78點), a podcast in spoken numbers, a 量化 digest (相对恒生综合指数超额收益), a bilingual index
  factsheet (a name wrapped in a padded table, Open / Day high / Day low lines) and a Telegram flash.
- tests/reports60/: a fifty-fourth blind set of English kinds (2021-2025, half with no year): a wire
  opening brief under 'Nov 16, 2021' ('started Tuesday's session', 'ended Monday little changed at', 'had
  dropped 1.3% on Monday'), a wire midday, a wire close with sub-indices, a radio bulletin ('were net
  sellers … via Stock Connect today, taking out'), an Asia story with quote chips, a broker commentary
  ('Last: HK$52.35 (+3.9%) - TP'), an IPO debut story and an investor letter's paragraph.
- tests/reports61/: a fifty-fifth blind set of Hong Kong outlet kinds (8 Traditional; 2020-2026, half
  with no year): a quarter-end close, a Friday close with a 港股通 table, a next-morning story with a range
  view (恒指短期仍在…之間上落), a column with a reader Q&A, a 即時 close, an 信報 午市 (恒指近期在…區間上落), a
  phone-in script (四毫一, 上個月新上市嘅) and a 晨早快訊 with HK:2899 picks and 昨收 cards.
- tests/reports62/: a fifty-sixth blind set of mainland kinds (8 Simplified; 2021-2026, half with no
  year): a 中新网 Friday close, a 证券日报 next-day page, a 财经网 EV story (天齐锂业A股), a 新浪 7×24 stack
  with timed snapshots, an 智通 午评 (截至发稿 in a sentence of its own), a 格隆汇 收评 (恒指早盘高开86点后持续走高
  beside the close), a 金融界 story and a 券商 周报 (周二大涨4.9%后出现回吐).
- tests/reports63/: a fifty-seventh blind set (3 English, 3 Chinese, 2 mixed; 2020-2026, half with no
  year): a commentator's thread with replies, an evening video script ('a Xiaomi call warrant, code
  18521. It dropped …'), a fund house digest, a 公众号 复盘, a bank 快訊, a 口播 script, a bilingual column
  and a Cantonese-English forum thread ('Yesterday the HSI lost 0.7% so today …', 'Last Friday it fell').
- tests/reports64/: a fifty-eighth blind set (4 English, 2 Traditional, 2 Simplified; 2022-2026, half
  with no year): a CATL debut wire (the stock's own value traded before the market's), a stocks-to-watch
  list ('The shares were flat at'), a TV rundown ('By the lunch break it was already ahead'), a bank's
  close e-mail ('The H-share and tech gauges fell … respectively', '5 HK unch'), an 經濟通 close
  (昨日公布業績後急升逾13%，今日回吐), a 頭條 short, a 券商中国 story and a 21财经 收评 with a range view (大概率).
- tests/reports65/: a fifty-ninth blind set (8 Traditional; 2020-2026, half with no year): a next-morning
  大公報 story, a TVB script (三隻指數半日分別跌…), an 東網 close, an 經濟日報 【午市】 under a masthead line, a
  星島 column under 星期三 about 港股昨日（周二）, a 信報 close, a 商台 bulletin log and a broker 收市評論.
- tests/reports66/: a sixtieth blind set of mainland kinds (8 Simplified; 2020-2025, half with no year):
  a 财联社 早评, an 东方财富 收评 by sector, a 中国证券报 next-day story, a 腾讯自选股 收评 with $name(code)$
  cards, a 每经 午评 with （HK03690，股价…港元） codes, a broker 晨报, a trading diary (京东健康还没上市) and an
  上证报 收评 (盘中最高见26012点，较前一交易日收市上涨约1.56%，但未能守住26000点关口).
- tests/reports67/: a sixty-first blind set (3 English, 3 Chinese, 2 bilingual; 2021-2026, half with no
  year): a research desk's intraday e-mails ('HSI at the lunch break: 18,135.20'), an MPF trustee's note,
  a hedge fund's risk report with a fixed-width table, a 收市 with a 十大成交額 table under a rounded headline
  close, a bank RM's post (a 港股精选基金 NAV), a 熱線 script, a family office's daily (a limit order) and a
  margin notice.
- tests/reports68/: a sixty-second blind set (4 English, 2 Traditional, 2 Simplified; 2020-2026, half
  with no year): a Macau gaming wire ('closed down 9.4%, or 2,172.99 points, at 20,926.79' after a
  Shanghai sentence), a 港股通日誌 column, a fund house's 港股日报 with a 十大成交 list, a private bank's
  Saturday briefing ('On Thursday, by contrast, the benchmark had edged up 0.4%'), a results-season wire
  (one stock's 'worth of its shares changed hands' before the market's turnover), a bank 投資快訊, a
  晨会纪要 recapping 昨日（9月25日）and a TV script with a graphics box ('H-SHARES 7,226.35 DOWN 2.25%').
- tests/reports69/: a sixty-third blind set of short Traditional reports (600-900 characters): a
  Christmas Eve 半日市 close, a Cantonese radio close read in words with 厘 as the percent, a 窩輪 column
  with a 到價提示 price alert, a broker e-mail of mixed code forms, a next-morning column, a YouTube
  script, a forum thread and a 午間 bulletin.
- tests/reports70/: a sixty-fourth blind set of short Simplified reports: a 晨会纪要, an AH premium note
  (三大指数午间分别涨 with no names), an IPO debut with 暗盘, a 7x24 flash series (an interim 北水 figure
  before the day's), a fund's weekly dated by its span (2025年6月9日—6月13日), a 第一财经 收评 with a
  double 分别, a 港股通 flow table and a self-media post (一个跌4%一个跌5%).
- tests/reports71/: a sixty-fifth blind set of feed layouts: a wire 'market at a glance' block, a 收市
  quote card with 升/跌/平 breadth, a Telegram digest, a sales-desk e-mail with tables, an exchange-style
  statistics brief (跌幅一度扩大至约1,440点), a morning 今日留意股份 list of 「700」 headings recapping 昨日,
  an evening newsletter and a note with a pasted CSV price list.
- tests/reports72/: a sixty-sixth blind set of English kinds: a CGTN-style close, an 'UPDATE 2' wire
  with its midday folded in, an Asia wrap with Hong Kong among Tokyo, Seoul and Shanghai, a broker's
  morning-call e-mail, an app's evening summary (a '| 00700 | HK$505.50 |' watchlist, price alerts), a
  Sunday letter with a scoreboard of Friday's closes beside the week's change, an expat forum thread
  and a newspaper markets page with an 'H-shares' data box.
- tests/reports73/: a sixty-seventh blind set (8 Traditional): a Cantonese forum thread, an MPF
  trustee's daily (fund unit prices), a broker's timed SMS log with 到價提示, a student society weekly, a
  reader Q&A column that prints every Thursday (本欄逢星期四刊出) about Wednesday, a radio interview, a
  Threads-style diary (a KOL's 月尾會見25,000) and an IR share-price monitor (升幅一度擴大至逾1,000點).
- tests/reports74/: a sixty-eighth blind set (8 Simplified): a 和讯 收评, an Asia-Pacific close with
  港股 one paragraph among 日经/KOSPI/台股/ASX/Sensex, a broker's monthly strategy (运行区间 forecast), a
  newspaper story on a 9% plunge, a 华尔街见闻 morning briefing, a 股吧 thread, a futures company's daily
  (全日高低点分别) and a 午评 then 收评.
- tests/reports75/: a sixty-ninth blind set on days that are not ordinary (3 English, 3 Traditional, 2
  Simplified): a Christmas Eve half day, a black-rainstorm afternoon session, a record-turnover day, an
  index-rebalance day, an IPO debut on half-year end, a self-media weekly listing each day's close
  (周一：…；周五：…), a fund's year-end letter ('across the year') and a post-holiday reopening push feed.
- tests/reports76/: a seventieth blind set of English reports from outlets outside Hong Kong: an
  Australian daily's Asia close ('$HK85.95'), a Malaysian weekly, a Global Times-style rally story ('the
  benchmark Shanghai Composite Index'), a Caixin-style midday and close, a Jiji-style wire (<0005>
  codes, 'the benchmark Nikkei Stock Average'), a US broker's EOD note, a UK wealth manager's update
  and a Gulf business daily.
- tests/reports77/: a seventy-first blind set of Traditional reports from outlets outside Hong Kong:
  Taiwanese portal, broker, TV and fund-house kinds (開高/開低, 終場, 收在, 成交值), a Macau radio bulletin
  in spoken numerals, a Canadian Chinese paper, a US Chinese daily with a 【更正】, and a UK 港僑
  newsletter in Cantonese.
- tests/reports78/: a seventy-second blind set of mainland and regional kinds (8 Simplified): a 联合早报
  story, a 新浪 收评, a 财新 story (纳斯达克金龙中国指数), a 澎湃 rebound piece, a 界面 收盘, a 21世纪
  dividend analysis (中证港股通高股息指数), a 北京商报 story with a 3月11日 background day and a 研报速递.
- tests/reports79/: a seventy-third blind set of feed structures (2 English, 3 Traditional, 2
  Simplified, 1 bilingual): an UPDATE 1 wire correcting its close, a paper datelined the day after with a
  streak's weekdays as background, a timestamped live blog, a one-company results story, a chart caption,
  a 七連升 column, a 更正 notice with withdrawn figures and a bank's bilingual daily summary.
- tests/reports80/: a seventy-fourth blind set of the most ordinary English daily kinds: a wire close
  ('gained 288.36 points, or 1.72%, to close at', 'ended flat at'), a wire midday with 'opened 96 points
  lower' and (HK:0005) codes, a TV evening item in spoken figures, a 2020 evening paper close, a portal
  close summary, a broker's end-of-day e-mail (lunch-break levels 'respectively', 'Both had been down'),
  an app push plus its story, and a next-morning column with Friday's moves as background.
- tests/reports81/: a seventy-fifth blind set of everyday Traditional kinds: a 收市 wire (前一個交易日
  background, 無升跌), a 午市 flash timed 中午12時05分 with 回顧昨日, a TV script (冇升跌, 倒跌), an
  hourly radio 直播室 (兩三成), a next-morning column, a portal 【收評】, a broker e-mail (昨日的1.3%) and
  an app push with 今早 and a 認購證.
- tests/reports82/: a seventy-sixth blind set of the most ordinary mainland kinds (8 Simplified): a 收评
  with 分别收报…前者/后者, a 午评 datelined 3月10日讯 周二, a 开盘 flash stack by timestamp, a TV script
  with a guest's restatements, a 港股日报 with 扭转昨日跌势, an app push, a 港股通 summary with 后者 and an
  早知道 recap of 昨日（周三） under a masthead's 10月12日 星期四.
- tests/reports83/: a seventy-seventh blind set of index facts in non-prose layouts (3 English, 3
  Traditional, 2 Simplified): a desk Slack bot's tables, a TV rundown's lower thirds, a portal RSS feed
  ('Month to date'), an IG carousel with emoji lines, a 股市資料 box, a TV 跑馬燈 log, a broker app's
  alerts and research PDF captions.
- tests/reports84/: a seventy-eighth blind set, all English and heavy in market figures: a wire close
  ('led the index with'), a morning paper's page ('as much as 96 points … and was still 0.2 percent
  higher'), a broker e-mail ('bottoming out at', '3968 HK, HK$62.10 (-2.2%)'), a radio minute, a
  top-movers list ('(HK:9868) - HK$79.45, +8.12%'), a fund daily ('Over the three days', 'ends the
  week'), a brokerage sector story with a warrant and an app digest.
- tests/reports85/: a seventy-ninth blind set of everyday Traditional kinds heavy in market figures: a
  收市 wire (最低曾回落至), a 十大成交 page, a 沽空日報, a Cantonese radio 快訊, a 板塊收評, a 南水 daily
  (levels then 分別升), a gold-miners story (前者/後者) and an app 晚市 card (日內高低 split by ／).
- tests/reports86/: an eightieth blind set of mainland kinds dense in figures and lists (8 Simplified):
  a 收评 with 涨跌家数, a 港股通 daily, a 沽空日报 with two 分别 lists, a sector sweep, an 异动 stack
  (科创50), an index-ETF daily with Shanghai codes, a property story and an app digest.
- tests/reports87/: an eighty-first blind set written by people, not outlets (3 English, 3
  Traditional, 2 Simplified): a Cantonese WhatsApp log ('open 喺', 'close 喺'), a sales trader's chat
  in bare codes ('@ 19,658'), a Weibo KOL thread, a 雪球 diary (高开 230 多点, 本月到现在), a Telegram
  summary (全日高低位分別係), a family office note ('(26,470)'), a student club's weekly recap and a
  Cantonese podcast transcript.
- tests/reports88/: an eighty-second blind set, all English, with Hong Kong among other markets: an
  Asia-Pacific close, a GMT live page, a US-morning newsletter ('lagged the tech index'), an FX wrap, a
  metals desk note, a China fund daily with A/H pairs, an ADR monitor ('HKEX:3690') and a weekend
  podcast script.
- tests/reports89/: an eighty-third blind set of Traditional reports with Hong Kong among other
  markets: an 亞太股市 close, a radio 環球 wrap (倫敦 vs 香港 匯豐), a 三地 收評, a bank 外匯 note, a 商品
  column, an A+H table split by ｜, an app timeline and a 周末 recap.
- tests/reports90/: an eighty-fourth blind set written the next morning or later (8 Simplified): a 晨报,
  an overnight note under 港股今日或低开 with 今日港股前瞻 and 恒指ADR指数按港股收市计, a Monday recap of
  上周五 and the week (周跌), a holiday-eve recap, a month-end report with a later sign-off, a pre-open
  flash, an app 早报 (10点半前) and a 早评.
- tests/reports91/: an eighty-fifth blind set of tables of many indices (2 English, 3 Traditional, 3
  Simplified): a statistics page, a Last/1D %/1W %/1M %/YTD % table, a factsheet box, an OHLC 收市概况, a
  pasted quote page, a dot-leader 'at a glance' block, a TV graphic transcript (十一點左右) and an app
  overview screen.
- tests/reports92/: an eighty-sixth blind set of ordinary English kinds from outlets not used in
  sets 80, 84 and 88: a daily's Markets column, a wire's midday flash and its UPDATE 1 close, a TV
  headlines script in spoken figures, a private bank's note, a state outlet's close ('The market opened
  234 points higher'), a brokerage Telegram post ('Day range HSI: 18,101 - 18,370'), a retail newsletter
  with ("700") codes and a podcast's spoken answers.
- tests/reports93/: an eighty-seventh blind set of ordinary Traditional kinds from other outlets: a TV
  午間財經 script (裂口高開), a 經濟版 close, a live page with timed updates, a broker's 8 a.m. e-mail
  (昨日 recap, "700 HK"), a bank 投資快訊, a Cantonese KOL post (最殘一度跌到), a radio 收市熱線 and a 2020
  fund daily.
- tests/reports94/: an eighty-eighth blind set of ordinary Simplified kinds from other outlets: a 证券日报
  收评, a 每经 午评, a 港股通日报 with a top-ten table, an app 电报 stack, a fund comment with English
  names in brackets, a 微博 post (收在…点, 涨了3%多具体是3.4%), a 央视财经 script and a weekly review
  listing each weekday's move.
- tests/reports95/: an eighty-ninth blind set of one-company and one-sector stories with the index in
  passing (3 English, 3 Traditional, 2 Simplified): a casino rally wire, a profit-warning 收評, an H-share
  debut post, a placing note, a 2021 education selloff script (同埋 … 分別), an ex-dividend 午评, a 2020
  privatisation column (0020.HK) and a weekly property review.
- tests/reports96/: a ninetieth blind set of ordinary closes, index first: a Reuters-like wire with
  '**' items hard-wrapped across lines ('Gainers' / 'outnumbered losers 912 to 705'), a Cantonese TV
  evening bulletin (科指就跌得最多), a 收评 with a 介乎 range, a Bloomberg-like wire ('each dropped more
  than 2%'), an AFP-like wire with a key-figures block, a 收市 write-up with high and low in brackets, a
  mixed broker recap ('on Mon', 'HSI night futures', '銀河 / 金沙 +4.3% / +3.8%', 'c.3%') and a 公众号 post.
- tests/reports97/: a ninety-first blind set of midday and early reports: a wire midday ('within the
  first half hour'), a TV opening script beside yesterday's turnover, a pre-open note recapping
  yesterday, an app's timed pushes (冲高至), a radio script in Chinese numerals (二○二五年八月十三號), a
  午评, a trader chat ('adv 503 / dec 1,102') and a 午市點評 (午休時).
- tests/reports98/: a ninety-second blind set in a broker's or a commentator's voice: a daily with
  technical levels, a Cantonese TV script in figures said aloud (二萬四千八百幾點, 六百二十幾蚊), a 2019
  column (險些失守), a fund manager's note, a 复盘, a radio midday script (零點八六個百分點), a wire with
  bullets and a group chat with bare codes.
- tests/reports99/: a ninety-third blind set rich in index figures: a wire with the Hang Seng
  Information Technology Index beside the tech index, a TV quote board, an app's pushes through a
  day, a morning note with an index table, a weekly column, a chat day log, a monthly review and a
  radio script ('the wider Composite Index').
- tests/reports100/ to tests/reports103/: wave 15, blind: Traditional evening closes (a caption's
  '恒指跌423點' over '一度跌近500點', '一度升穿17,700點，最高升至17,708點', a table padded with
  full-width spaces), Simplified closes and middays ('延续上周五涨势', a pipe table's level), days of
  very large moves ('今天（10月8日）', '回想一九九七年十月二十八日', '各自跌超過8%', 滬股通 beside 港股通)
  and mixed-language reports ('港股(00981)' after an A-share move, 'half day' and 'full day' flows).
- tests/reports104/ to tests/reports107/: wave 16, blind: English, Traditional and Simplified closes
  from other outlets ('【相關新聞】', 2成7), and reports stating facts twice and in odd orders
  ('HSI +155點 (16,944)', 周日晚 under Monday's masthead).
- tests/reports108/ to tests/reports111/: wave 17, blind: English index-first short pieces (an
  e-mail sent at 07:42, 'MON 29 SEP'), Traditional reports with several index figures close
  together ('H 股指數', 半日 and 全日 turnover in one sentence), Simplified reports beside A-shares
  (a radio script in 厘) and reports from 2003-2019 ('[20/6 12:05]' chat stamps).
- tests/reports112/ to tests/reports115/: wave 18, blind: the index's day in several moments
  ('before the afternoon selling left it', 'the benchmark hits 22,491'), Traditional closes in
  moments (今朝, 最後收升), Simplified live feeds ('📱 10:20') and broker notes ('Take profit',
  'Last HK$288.40 (+0.8%)', 參考價).
- tests/reports116/ to tests/reports119/: wave 19, blind: the day beside the week, month, quarter
  and year ('ended the half', 二季度, 一週, '| 31 December 2024 (Tue) |'), spoken Cantonese scripts
  (半個百分點, 唔夠一百點, 兩個幾百分比), theme indices beside the main ones (港股通高股息率指數) and
  headline stacks and flash pages ('16:12 HK MAIN BOARD TURNOVER', 【南向资金今日净买入逾百亿港元】).
- tests/reports120/ to tests/reports123/: wave 20, blind: index figures in varied orders ('HONG
  KONG, Dec 10 (2024) - '), Traditional closes of days that turned, morning and opening reports
  (回顾昨日, 比尋日收市低86點, 午前报收) and tables pasted from spreadsheets (comma-separated rows,
  tab-separated cells).
- tests/reports124/ to tests/reports127/: wave 21, blind: stock-heavy round-ups (同 lists, 具體係,
  扯咗, 一成幾), Asia and global round-ups ('shares in New York', 按ADR比例計算, A50期指, 隨日韓股市),
  unusual sessions and calendar edges ('Turnover for the half day', a masthead under a column's
  title, 成個星期計) and reports that correct themselves ('(Corrects ...)', 誤植為, '(close of Tue
  14-Feb-2023)').
- tests/reports128/ to tests/reports131/: wave 22, blind: evening and overnight pieces (night
  futures, ADR-implied levels, tomorrow's preview), sector rotation write-ups by short names,
  spoken and spelled-out numbers (TV, radio and podcast scripts) and week, month and year in
  review beside the day, with IPO debuts.
- tests/reports132/ to tests/reports135/: wave 23, blind: bilingual and translated bulletins (each
  close told twice), single-stock news items (placements, suspensions, takeover offers), warrants,
  CBBCs and ETFs beside their underlyings, and mainland portals on Hong Kong stocks (港股通 lists,
  the AH premium index).
- tests/reports136/ to tests/reports139/: wave 24, blind: commodity-linked movers with the
  overnight gold, oil and copper prices beside them (US$4,000/oz), broker and bank strategy notes
  (targets, stop-losses, ratings beside yesterday's moves), retail investors' posts and chat
  groups (nicknames, emoji, their own positions and paper losses) and Stock Connect heavy
  reports (北水, per-stock net flows, top-ten active lists).
- tests/reports140/ to tests/reports143/: wave 25, blind: rates, yields and dividends beside the
  moves (HIBOR, the prime rate, the 7.85 peg, dividend yields), Chinese-language reports from
  Taiwan, Macau, Singapore and Malaysia (another market's turnover and breadth beside Hong
  Kong's), text copied out of PDFs, scans and chat screenshots (numbers split by stray spaces and
  line breaks, full-width digits, page furniture), and IPO days with the grey market (暗盤).
- tests/reports144/ to tests/reports147/: wave 26, blind: Asia-Pacific closing round-ups whose
  turnover, breadth and flows belong to several exchanges (NT$, S$, RM, 億元 beside Hong Kong's),
  dealers' chat logs, sales-trading notes and blotters in desk shorthand (700 +2.1% 412.4, hsi
  -180 / 19,820, close -3.3% @ 65.8, lower-case tickers), macro and policy days (rate cuts in
  basis points, 厘 mortgage rates beside bank shares, CPI and PMI beside the moves), and
  weekend columns telling the day among 52-week ranges, peaks and valuations.
- tests/reports148/ to tests/reports151/: wave 27, blind: reports centred on the HSCEI, the
  Hang Seng TECH or the Composite with sector and size indices beside them, English reports from
  outside Hong Kong's press (state media, Singapore, Malaysia, India, Japan, a US newsletter),
  corporate-action days (ex-dividend, bonus shares, consolidations, rights issues, halts and
  resumptions, adjusted against unadjusted prices), and very short reports (flashes, pushes,
  ticker-tape lines, SMS alerts).
- tests/reports152/ to tests/reports155/: wave 28, blind, each report led by its index facts:
  English closes stating several indices in every order of level, points and percent (an agency
  close, an anchor script, a quarterly review, a Christmas Eve half day, an open-high-low-close
  day, nicknames for the gauges, a record fall told across paragraphs, a plain-text index
  table), Traditional Chinese TV, paper, radio and web closes (spoken numerals and codes, 半日,
  上日 columns), Simplified 收评/午评/早盘/周评/月末 pieces with 港股通 flows, and mixed desk
  material (a pre-market recap, a bilingual close, a sales e-mail's index line, a fund's NAV
  comment, a WeChat post, a timed live blog, an options desk note, a weekend wrap).
- tests/reports156/ to tests/reports159/: wave 29, blind: English Asia-wide wraps with Hong Kong
  as one paragraph among many markets, Traditional Chinese closes stating the three main indices
  in one sentence (分別, 各, lists in different orders), Simplified Chinese live feeds and flash
  series with many timed readings (newest first and oldest first), and English morning notes,
  previews and interviews where the day's facts sit among forecasts, conditions, targets,
  grey-market and futures figures.
- tests/reports160/ to tests/reports163/: wave 30, blind: English newspaper columns and long-form
  wraps (a market page lead, a tabloid page, a weekend column, an opinion piece, a milestone
  story, a typhoon session, a holiday eve, a crash anniversary), Cantonese radio and TV
  transcripts with spoken figures and codes and callers' own positions, Simplified broker
  morning-meeting notes reviewing the day before, and short social and app formats (a Telegram
  post, an X thread, a caption, pushes, a club summary, a Discord digest, a LinkedIn post, a
  forum thread).
- tests/reports164/ to tests/reports167/: wave 31, blind: English intraday updates (opening
  flashes, midday and lunch-break wires, afternoon updates, a desk's timed notes, a close quoting
  the morning), Traditional Chinese opening and midday reports (開市, 早市, 半日, 午收), Simplified
  reports on special days (index rebalancing, quarterly expiry, MSCI changes, first days in the
  index, ex-dividend days, Connect inclusion, the year's last day), and index tables in text
  (a copied quote board, a CSV export, a Markdown table, a flattened PDF, a terminal screen, a
  snapshot card, a tab-separated paste, a data provider's index report).
- tests/reports168/ to tests/reports171/: wave 32, blind: English wire and TV closes stating the
  indices in less common orders and forms, with correction notes; Traditional closes with the
  indices' short and long names, full-width digits and Chinese numerals, 險守/重上/失守 and 更正
  notes; Simplified portal, app and self-media closes and middays beside A-share indices; and
  unusual layouts (an e-mail thread quoting earlier figures, a broken PDF note, a subtitle file,
  an app's JSON export, a chat log, a bilingual summary, a numbers box, a slide deck's text).
- tests/reports172/ to tests/reports175/: wave 33, blind: English reports whose day's index
  moves sit among week, month and year-to-date figures, streaks, futures premiums, ADR-implied
  levels and night futures; Traditional reports telling the indices' whole day (高開/低開,
  最多升/跌, 高見/低見, 波幅, 半日 then 收市, 期指 高水/低水); Simplified reports with the
  Composite and its size, sector and theme indices beside the three main ones; and mixed-language
  pieces by Hong Kong writers (Cantonese-English columns, names with the other language's name in
  brackets, bilingual quote lines, bn/億/mn/萬 units).
- tests/reports176/ to tests/reports179/: wave 34, blind: English reports whose trading date
  takes finding (weekend papers, next-morning notes, datelines in several formats, a holiday
  week, a correction slug, a URL-slug date, an issue date beside the trading date); Chinese
  reports rich in market-wide figures (成交額 in 億 and 萬億, 沽空, breadth, 南向 and 北向 in two
  currencies, 半日 beside 全日); English reports built on index milestones, supports, moving
  averages and targets; and Simplified app and broker flashes with codes in many forms.
- tests/reports180/ to tests/reports183/: wave 35, blind: Traditional newspaper market columns
  (a 股市版 lead, 大市分析, a Cantonese 收市後記, a weekend review, a free paper, 即時 updates, a
  magazine, a 窩輪 page), English broker notes in house styles ('700 HK', '9988 HK Equity',
  'SEHK: 388'), Simplified reports telling the three indices together for several moments in
  分別 lists, and English radio and TV scripts with spoken numbers.
- tests/reports184/ to tests/reports187/: wave 36, blind: English wire and agency closes in
  several house styles, Traditional TV and radio scripts with Chinese numerals and captions,
  Simplified mainland-portal 收评 and 午评 pieces beside A shares and 红筹指数, and data-heavy
  reports (Markdown tables, CSV snippets, bullet lists, fixed-width blocks with index rows in
  various column orders and a second table of another day).
- tests/reports188/ to tests/reports191/: wave 37, blind: English reports on unusual sessions
  (half days, a typhoon's lost morning, a black-rainstorm delay, first sessions after holidays,
  Connect closed), Traditional reports with the cash market beside futures, warrants, CBBCs
  and options, Simplified self-media and WeChat or Xiaohongshu posts (emoji, informal forms,
  nicknames, the writer's own trades), and English reports on dual-listed Chinese companies (US
  and A-share moves, A/H premiums, ADR conversions beside the Hong Kong shares).
- tests/reports192/ to tests/reports195/: wave 38, blind: English index-led closes from less
  common sources (a bank's client daily, a broker's evening e-mail, a podcast, a club note, a
  lounge screen, a radio bulletin), Traditional reports whose index moves turn (插水, 倒跌, 轉升,
  升幅收窄, 失守, 半日 then 全日), Simplified weekly and month-end reviews with the day's moves
  beside the week's, the month's and the year's, and English sector round-ups dense with stock
  moves.
- tests/reports196/ to tests/reports199/: wave 39, blind: English terminal headline streams and
  flash lines (ALL-CAPS headlines, HSI OPENS / MIDDAY / CLOSES, corrected flashes), Traditional
  stock-heavy broker and paper commentaries (目標價, 支持位, 阻力位), Simplified reports on
  market-wide figures (半日 and 全日 成交额, 南向资金 in two currencies, 卖空, breadth) and English
  technical-analysis notes (supports, gaps, moving averages, Fibonacci levels, stops).
- tests/reports200/ to tests/reports203/: wave 40, blind: English closes telling the index moves
  in words and rounded figures with the exact figures once, Traditional reports in Taiwan- and
  Macau-style wording (恆, 收盤, 上揚/下挫, 收紅/收黑), Simplified broker morning notes recapping
  the session before, and bilingual reports (parallel headlines, 中英對照 tables, SMS alerts).
- tests/reports204/ to tests/reports207/: wave 41, blind: English reports on IPO debuts beside
  the day's index moves, Traditional TV and paper summaries built on sectors and blue chips
  (points each stock added to the index), Simplified Stock Connect daily reports (十大成交活跃股,
  the day's 南向资金 and its legs) and English reports on market-wide figures (turnover in HK$bn
  and HK$m, breadth, short selling, Connect flows, the previous day's beside).
- tests/reports208/ to tests/reports211/: wave 42, blind: English morning previews dated the
  morning after the session they recap (futures, ADR-implied opens), Traditional midday reports
  and afternoon updates (半日收市, 午後 outlook), Simplified sector-theme reports (领涨/领跌 in
  分别 lists, codes as 09868.HK and (01211)) and English reports on single stocks' big days
  (profit warnings, placements, halts, index inclusion, privatisation offers).
- tests/reports212/ to tests/reports215/: wave 43, blind: English quarter-end, half-year and
  year-end reviews (the period's moves beside the last session's), Traditional Cantonese forum,
  blog and chat-group posts, Simplified data columns from mainland media (tables with the
  previous day's columns, full-width ％) and English Asia-Pacific round-ups where Hong Kong is
  one paragraph among other markets.
- tests/reports216/ to tests/reports219/: wave 44, blind: English in the style of portals'
  translated versions ('closed at 19,800 points, rose 120 points or 0.6%', 'hundred million'),
  Traditional reports of a volatile day told hour by hour (開市, 早段, 午市, 尾市), Simplified
  reports on tech and platform stocks (nicknames, 分别 lists, 南向资金 per stock) and e-mailed
  newsletters with layout noise (quoted earlier issues, box-drawn tables, footers).
- tests/reports220/ to tests/reports223/: wave 45, blind: English closes naming the indices in
  unusual ways ('the H-share benchmark', 'the tech-heavy index'), Traditional portal 收市 and
  午市 reports (分別 lists mixing points and percents, 北水, ADR 比例指數), Simplified broker
  strategy notes (the day's review, then forecasts and scenarios) and English derivatives-desk
  notes (futures, options, premiums to spot, warrants and CBBCs beside the cash index).
- tests/reports224/ to tests/reports227/: wave 46, blind: English business briefs of
  general-news outlets (the index as 'the benchmark' in a short paragraph), Traditional reports
  naming the HSI 大市, 港股 or 恒指 in turn, Simplified reports around holidays when one market is
  shut (港股通暂停, 节后首日) and English closes giving the previous close beside the new one
  ('from Friday's 17,454.19 to 17,778.10').
- tests/reports228/ to tests/reports231/: wave 47, blind: English reports from outlets outside
  Hong Kong (other time zones and currencies, dual listings), Traditional days that turned late
  (收市競價時段, 尾市), Simplified numbered summaries and Q&A, and retail brokers' and apps'
  client recaps ('HSI 19,876 +0.8%', '700 +2.1% 385.2').
- tests/reports232/ to tests/reports235/: wave 48, blind: English long-form wraps telling the
  index's day in pieces across paragraphs ('The day's advance on the Hang Seng was 138.72
  points'), Traditional data boxes and tables, Simplified midday reports, and English closes in
  hedged words ('a shade under 2%', 'between 1% and 2%') with exact figures once.
- tests/reports236/ to tests/reports239/: wave 49, blind: English closes of very big days,
  Traditional broker daily notes (大市回顧, 技術分析, 個股推介), Simplified reports heavy with
  Chinese round numbers (近千点, 重回2万点, 超百亿) and mixed English-Chinese dealer chats.
- tests/reports240/ to tests/reports243/: wave 50, blind: English China-desk reports leading
  with the mainland (A and H prices in one sentence), Traditional reports dense with bracketed
  figures ('（附註：恒指昨日（18日）…）'), Simplified reports on ETFs and index products
  (安硕恒生指数（03115）) and English live blogs and broadcast scripts with corrections.
- tests/reports244/ to tests/reports247/: wave 51, blind: English quote-heavy stories (analysts'
  own numbers), Traditional TV on-screen texts and tickers (▲▼, 即時 beside 收市), Simplified
  reports measuring the index against 前收 and 开盘 (较前收跌71.48点) and English company-news
  pieces where the market is a sentence or two.
- tests/reports248/ to tests/reports251/: wave 52, blind: English of Asian papers ('1.2pc',
  '215pts'), Traditional reports of disrupted sessions (typhoon, black rain, delayed open),
  Simplified reports in full-width digits and English closes naming stocks by HKEX's short
  names in capitals (BABA-W, CKH HOLDINGS).
- tests/reports252/ to tests/reports255/: wave 53, blind: English reports giving the Hang
  Seng's sub-indices and the Composite's size segments, Traditional dividend-day reports
  (股息率, 除淨), Simplified new-listing reports (暗盘, 首日 against 发行价) and English closes
  full of history (1987, 1997, 2008 beside the day).
- tests/reports256/ to tests/reports259/: wave 54, blind: Simplified reports on other prices
  (金价, HIBOR, 美元兑港元), Traditional reports on troubled developers (停牌, 復牌, 美元債 in
  仙), English reports on short selling and placements, and English and mixed reports in odd
  number typography (accounts' brackets, the Unicode minus, thin-space thousands).
- tests/reports260/ to tests/reports263/: wave 55, blind: Traditional reports from Macau,
  Taiwan and overseas papers (三月十五日 in numerals), English compact quotes in brackets
  ('(25,281.30, -543.61, -2.11%)'), Simplified healthcare reports and English results-day
  reports on insurers, banks and brokers.
- tests/reports264/ to tests/reports267/: wave 56, blind: English moves in dollars and cents,
  Simplified reports from Singapore and Malaysian papers (吉隆坡17日讯 on a Saturday),
  Traditional results-season reports (純利, 派息) and futures settlement days (期指結算價).
- tests/reports268/ to tests/reports271/: wave 57, blind: Simplified names with full-width
  suffixes (美团－Ｗ), English reports on RMB and US-dollar counters (80700, 89988),
  Traditional reports writing codes every way (「0700.HK」, 〔00700〕) and English broadcast
  transcripts that correct themselves mid-sentence.
- tests/reports272/ to tests/reports275/: wave 58, blind: English days told as a chart with
  times, reports copied out of PDFs with layout damage, Simplified policy days (降准, LPR) and
  Traditional weekly columns (本周累跌, 2017年9月18日至22日).
- tests/reports276/ to tests/reports279/: wave 59, blind: English small-cap and GEM reports
  (08xxx codes, prices in cents), Traditional index-review days (恒指季檢, 生效日期 beside the
  day), Simplified days told three times (早盘, 午盘, 收盘, timelines) and English newsletters'
  day-in-review bullets (Stock Connect in yuan and HK dollars).
- tests/reports280/ to tests/reports283/: wave 60, blind: Traditional written-Cantonese forum
  and chat posts, Simplified reports leading with the A-share market, English first and last
  trading days of a year (the day beside the year) and English stories naming companies by
  descriptors ('the internet giant').
- tests/reports284/ to tests/reports287/: wave 61, blind: Traditional levels in 萬 and 千
  ('收報2萬零345點', '失守1萬9關口'), Simplified data-vendor cards in key-value lines (恒生指数：
  19,828.30（-13.22%） with 涨跌点数, 最高 and 振幅 under it), English stories giving the index
  late through 'it' and 'the gauge', and English broker notes in Bloomberg tickers ('700 HK',
  'HSI Index').
- tests/reports288/ to tests/reports291/: wave 62, blind: Simplified brokers' morning notes
  (晨报: the day before's close, ADR tables, night futures, 支撑位), English radio and TV
  transcripts with numbers in words ('down two hundred and twelve points'), Traditional paper
  stock pages by sector (long 分別 lists, 成交額 in 億 and 萬) and unusual sessions (half days
  before Christmas and the Lunar New Year, a typhoon-delayed open, Stock Connect closed).
- tests/reports292/ to tests/reports295/: wave 63, blind: English Asia-wide wraps (Hong Kong
  one paragraph among Tokyo, Seoul and Sydney, beside Samsung and TSMC), Simplified flash-news
  stacks (快讯, one timed line each, several readings of the index), Traditional Stock Connect
  money reports (北水 per stock, 買入/賣出成交額, 十大成交活躍股) and English reports on the
  Hong Kong dollar peg (HKMA purchases, the aggregate balance, HIBOR beside the day).
- tests/reports296/ to tests/reports299/: wave 64, blind: English IPO debut days (the first day
  against the offer price, the grey market the evening before, cornerstones), Simplified posts
  by fund managers and bloggers (公众号, 雪球: 仓位, 目标价, 止损位 beside the day's figures),
  Traditional Q&A stock columns (成本價, 止蝕) and English reports built around regional index
  and top-movers tables restated in prose.
- tests/reports300/ to tests/reports303/: wave 65, blind: English wire and newspaper closes
  with figures in less common orders ('the gauge' for the index after its first naming, level
  first with its changes in brackets), Traditional evening TV and radio scripts and paper pages
  (Chinese numerals, 億 and 萬, 分別 lists, 半日 beside the close), Simplified portal 午评 and
  收评 (南向资金, 家数, short names with codes in full-width brackets) and mixed broker desk
  notes and chat posts (codes written 0700.HK, 00700, 700 HK, 騰訊(700); targets, ADRs).
- tests/reports304/ to tests/reports307/: wave 66, blind: English intraday, midday and closing
  updates led by the indices (several readings of the Hang Seng in one report, levels without a
  change), Traditional paper and portal closes with an index summary block above prose that
  restates it, Simplified broker 收评 with A-share indices beside Hong Kong's, and mixed layouts
  (bilingual bulletins, Markdown tables, bullet quotes, quote boards with arrows, corrections).
- tests/reports308/ to tests/reports311/: wave 67, blind: English TV and radio wraps and
  podcasts (numbers partly read out, the index at several moments), Traditional live blogs with
  timestamps and corrections, Simplified weekly and monthly reviews that also give the last
  day's close, and English broker morning notes recapping the day before (ADR tables, futures,
  targets, watchlists with '0700 HK' codes).
- tests/reports312/ to tests/reports315/: wave 68, blind: English wire and paper closes and
  middays on volatile days (the index told as 'the benchmark', 'the gauge', with swings 'at one
  stage'), Traditional paper and portal closes on big-move days (高見/低見, 半日 beside the
  close, 夜期), Simplified app flashes of the open, midday and close (some under 700
  characters), and English and mixed weekly and month-end reviews giving the last day beside
  the week, month and year.
- tests/reports316/ to tests/reports319/: wave 69, blind: English short items from agencies,
  broadcasters and paper briefs (the morning's figure beside the close), Cantonese radio, TV
  and social-post transcripts (千幾點, 半個巴仙, 蚊), Simplified closes on A+H companies (the A
  share's move beside the H share's, per-stock 港股通 buying) and English broker comments with
  fixed-width tables of indices and of top movers with codes.
- tests/reports320/ to tests/reports323/: wave 70, blind: Chinese data digests (fixed-width
  tables ruled with ---- or ────, pipe tables, turnover top-tens, A+H price tables), English
  market-snapshot emails and app notifications (bullets, ADR tables, target tables), Simplified
  WeChat and app 复盘 posts (emoji headers, numbered 涨幅榜/跌幅榜) and Traditional 技術分析
  columns (阻力/支持, moving averages, 牛熊證重貨區, RSI, 目標價).
- tests/reports324/ to tests/reports327/: wave 71, blind, led by the indices: English closes and
  middays telling the Hang Seng more than once in other words (a rounded headline, 'the
  index's 1.2% slide', 'the 250-point drop'), Traditional 半日 and 收市 reports in compact
  notation ('恒指 25,812 ▼236 (-0.91%)', 前收, captions in Chinese numerals), Simplified 收评 and
  午评 on reversal days (高开低走) and bilingual flashes stating each figure in both languages.

Gold is in the format of ../shared/gold/SCHEMA.md and is compared exactly as
../shared/eval/score.py compares it (re-implemented in tests/report_pinning.py so CI does not
need ../shared). Each report is extracted once, in-process, and cached.

What is tested:
- every gold fact of every report is its own test (``test_gold_fact``), named
  set/report/category/fact;
- for every report and category, the output has no wrong fact beyond those listed
  (``test_no_unlisted_extra``);
- facts the extractor gets wrong today are listed in each set's ``known_misses.yaml``
  (report, category, fact, reason). A listed missed fact is a strict xfail, and so is a listed
  extra one (``test_known_extra_still_produced``): when a change fixes it, the test passes,
  strict xfail turns that into a failure, and the line is to be removed. Anything wrong that is
  not listed fails.

Refreshing the lists after extractor changes (by hand, reviewed, never in CI):

    .venv/bin/python tests/tools/known_misses.py            # print every set's list
    .venv/bin/python tests/tools/known_misses.py --write    # rewrite the files, then:
    git diff tests/*/known_misses.yaml                      # review: lines gone = fixes,
                                                            # lines added = new misses

Reasons already written are kept for lines that stay; new lines say "unreviewed ..." until
someone writes why. ``pytest -s tests/test_reports.py`` prints each set's per-category
precision, recall and F1 (for information: nothing is compared with a floor).
"""

from __future__ import annotations

from collections import Counter

import pytest
from report_pinning import (
    CATEGORIES,
    HERE,
    MARKET_KEYS,
    SETS,
    compare_report,
    gold_facts,
    gold_files,
    load_gold,
    load_known_misses,
    score_table,
)


def _known(name: str) -> dict[tuple[str, str, str], str]:
    return {m.key: m.reason for m in load_known_misses(name)}


def _gold_fact_params():
    for name in SETS:
        known = _known(name)
        for gold in load_gold(name):
            for cat, facts in gold_facts(gold).items():
                for fact in facts:
                    reason = known.get((gold["doc"], cat, f"missed {fact}"))
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    yield pytest.param(
                        name,
                        gold["doc"],
                        cat,
                        fact,
                        marks=marks,
                        id=f"{name}/{gold['doc']}/{cat}/{fact}",
                    )


def _known_extra_params():
    for name in SETS:
        for m in load_known_misses(name):
            if m.fact.startswith("extra "):
                yield pytest.param(
                    name,
                    m.report,
                    m.category,
                    m.fact,
                    marks=[pytest.mark.xfail(strict=True, reason=m.reason)],
                    id=f"{name}/{m.report}/{m.category}/{m.fact}",
                )


def _report_params():
    for name in SETS:
        for gold in load_gold(name):
            for cat in CATEGORIES:
                yield pytest.param(name, gold["doc"], cat, id=f"{name}/{gold['doc']}/{cat}")


@pytest.mark.parametrize(("name", "doc", "category", "fact"), list(_gold_fact_params()))
def test_gold_fact(name, doc, category, fact):
    c = compare_report(name, doc)
    assert not c.error, c.error
    assert fact not in c.missed[category], f"{name}/{doc}: {category} missed {fact}"


@pytest.mark.parametrize(("name", "doc", "category"), list(_report_params()))
def test_no_unlisted_extra(name, doc, category):
    c = compare_report(name, doc)
    listed = {f for (r, cat, f) in _known(name) if r == doc and cat == category}
    unlisted = [f for f in c.extra[category] if f"extra {f}" not in listed]
    assert not unlisted, f"{name}/{doc}: {category} extra {unlisted}"


@pytest.mark.parametrize(("name", "doc", "category", "fact"), list(_known_extra_params()))
def test_known_extra_still_produced(name, doc, category, fact):
    """Passes (and so, being strict xfail, fails the run) once the extra fact is gone."""
    c = compare_report(name, doc)
    assert fact.removeprefix("extra ") not in c.extra[category]


@pytest.mark.parametrize("name", SETS)
def test_set_extracts_and_scores(name):
    """Every report of the set goes through the extractor, with no step failing (a step that
    raises is recorded in ``failed_steps``, not raised); prints the set's table (-s)."""
    failed = [g["doc"] for g in load_gold(name) if compare_report(name, g["doc"]).error]
    print("\n" + score_table(name))
    assert not failed, f"{name}: extraction failed on {failed}"


@pytest.mark.parametrize("name", SETS)
def test_known_misses_file_is_well_formed(name):
    """Each line names a report of the set, a category, a fact that is one of that report's
    gold facts (for 'missed'), a reason, and appears once; a reason that leans on the line above
    ('as above') follows a line of the same report (when a fix removes the line it leaned on,
    the cause must be said again)."""
    golds = {g["doc"]: gold_facts(g) for g in load_gold(name)}
    entries = load_known_misses(name)
    dupes = [k for k, n in Counter(m.key for m in entries).items() if n > 1]
    assert not dupes, f"{name}: listed twice: {dupes}"
    for m in entries:
        where = f"{name}/{m.report}/{m.category}: {m.fact}"
        assert m.report in golds, f"{where}: no such report"
        assert m.category in CATEGORIES, f"{where}: no such category"
        assert m.reason.strip(), f"{where}: no reason"
        kind, _, fact = m.fact.partition(" ")
        assert kind in ("missed", "extra"), f"{where}: must start with 'missed ' or 'extra '"
        if kind == "missed":
            assert fact in golds[m.report][m.category], f"{where}: not a gold fact"
    for above, m in zip((None, *entries), entries, strict=False):
        if m.reason.startswith("as above"):
            assert above is not None and above.report == m.report, (
                f"{name}/{m.report}/{m.category}: {m.fact}: 'as above' with no line of its report above it"
            )


@pytest.mark.parametrize("name", SETS)
def test_every_doc_has_gold_and_back(name):
    docs = {p.name for p in (HERE / name / "docs").glob("*.txt")}
    golds = {g["doc"] for g in load_gold(name)}
    assert docs == golds
    for path, g in zip(gold_files(name), load_gold(name), strict=True):
        assert path.name == g["doc"].rsplit(".", 1)[0] + ".gold.yaml"


@pytest.mark.parametrize("name", SETS)
def test_gold_files_well_formed(name):
    for g in load_gold(name):
        doc = g["doc"]
        assert g["lang"] in ("en", "zh-Hant", "zh-Hans", "mixed"), doc
        assert g["date"] is None or len(str(g["date"])) == 10, doc
        for s in g.get("stocks") or []:
            assert isinstance(s["code"], str) and len(s["code"]) == 5, (doc, s)
        for c in g.get("mentions") or []:
            assert isinstance(c, str) and len(c) == 5, (doc, c)
        stock_codes = {s["code"] for s in g.get("stocks") or []}
        assert stock_codes <= set(g.get("mentions") or []), (doc, stock_codes - set(g["mentions"]))
        for k, v in (g.get("market") or {}).items():
            assert k in MARKET_KEYS and (v is None or isinstance(v, int)), (doc, k, v)
