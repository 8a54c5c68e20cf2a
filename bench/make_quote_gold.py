"""Write the quote gold of bench/bench_quote_cues.py: six SaudiNewsNet articles as TEI files.

How the gold was made: the articles (2015-08-01.json, indexes below) were picked among those
of 1,200-2,600 characters with at least two quotation marks and three common reporting verbs,
one or two per newspaper, before the quote-cue recommender was run on any of them.  Each was
read in full and its quotes marked by hand (by the helper who wrote the recommender, from the
text alone), under these rules:

- QUOTE: speech or writing reported as such.  ``direct``: the words between quotation marks
  (« », “ ”, " "), the marks left out, when they report someone's words (scare quotes around
  a name or a phrase inside a narrator's sentence are not quotes); ``indirect``: a clause
  introduced by a complementizer (أن، إن، أنه…) after a reporting verb or participle, from
  the complementizer to the end of the reported clause (before the sentence's final
  punctuation, or before a comma followed by the narrator's words).  A fragment in quotation
  marks inside an indirect quote is part of it.  Reports of a noun phrase (أشار إلى سقوط…),
  attributions by preposition (بحسب، وفق) and the narrator's ``يذكر أن`` are not quotes,
  except a clause followed by ``حسب ما ذكر X`` (article 547).
- Speaker (PER or ORG, linked with role ``speaker``): the mention naming the speaker in the
  reporting clause (the name when there is one, else the noun phrase: التقرير), or, when the
  speaker is only a pronoun or a verb's ending, the nearest earlier mention of that speaker.

    python bench/make_quote_gold.py    # rewrites bench/data/quote_gold/*.tei.xml
"""

from __future__ import annotations

import json
from pathlib import Path

from benchlib import NEWS

from annotator.model import Document, Link
from annotator.tei import save_tei

OUT = Path(__file__).resolve().parent / "data" / "quote_gold"
ANNOTATOR = "gold-by-hand"

# article index -> [(quote text, type, speaker text, speaker label, speaker after the quote?,
# which occurrence of the quote text)]; a direct quote's text may stop short: its span runs
# to the closing quotation mark.
GOLD: dict[int, list[tuple[str, str, str, str, bool] | tuple[str, str, str, str, bool, int]]] = {
    82: [
        ("أن اثنين من المسلحين الأكراد الذين شاركوا في الهجوم على مركز الشرطة في مدينة أضنة "
         "لقيا حتفهما أثناء تبادل إطلاق النار مع الشرطة", "indirect",
         "وكالة دوجان التركية للأنباء", "ORG", False),
        ("أن بلاده لا تعتزم وقف الهجوم", "indirect", "أحمد داود أوغلو", "PER", False),
        ("العمليات ستستمر حتى يتم إلقاء السلاح وتغادر الجماعات المسلحة تركيا ويتوقف داعش عن "
         "كونه تهديدا في سوريا", "direct", "أوغلو", "PER", False),
        ("إن تركيا عانت من «خسائر كبيرة» في معركتها ضد الإرهابيين، إلا أنها مصممة على "
         "مواصلة القتال", "indirect", "الرئيس", "PER", False),
        ("إن «القوى السوداء» تنشر معلومات خاطئة حول تركيا", "indirect", "إردوغان", "PER",
         False),
        ("أن الاتهامات ضد تركيا «لا أساس ولا تبرير لها»", "indirect", "إردوغان", "PER", False),
        ("لم تكن تركيا ضالعة مطلقا في مثل هذا السيناريو (...) ولن تشارك فيه مطلقا", "direct",
         "إردوغان", "PER", False),
        ("إنها تحاول «إلقاء اللوم على تركيا»", "indirect", "إردوغان", "PER", False),
    ],
    547: [
        ("أن البنوك الإسلامية تنمو أسرع من نظيرتها التقليدية، لكنها تركز على عدد قليل من "
         "الأسواق الأساسية، وقد تفوتها الفرصة لكسب موطئ قدم عالمي", "indirect", "دراسة",
         "ORG", False),
        ("إن البنوك الإسلامية في ستة أسواق أساسية، هي: (قطر، وإندونيسيا، والمملكة، وماليزيا، "
         "والإمارات، وتركيا) حازت 625 مليار دولار في نهاية 2013، بما يعادل 80% من سوق "
         "التمويل الإسلامي العالمية", "indirect", "التقرير", "ORG", False),
        ("أن يصل إجمالي أصول البنوك الإسلامية في الأسواق الست الرئيسية إلى 1.8 تريليون دولار "
         "بحلول 2019، مدعوماً بنمو أسرع 1.9 مرة من نمو البنوك التقليدية على مدى الفترة من "
         "2009 إلى 2013", "indirect", "التقرير", "ORG", False),
        ("إن الأسواق الست الرئيسية أصبحت تشكل 82% من القطاع العالمي، وإن النسبة مرشحة "
         "للزيادة", "indirect", "أشعر ناظم", "PER", False),
        ("مع تنامي قوة الدفع في المراكز كثيفة السكان، مثل تركيا وماليزيا، ومع استمرار تحول "
         "البنوك السعودية إلى العمل وفقاً لمعايير الصيرفة الإسلامية، فإننا نتوقع أن تبلغ "
         "الحصة السوقية ما بين 80، و90 في المئة من السوق العالمية", "direct", "أشعر ناظم",
         "PER", False),
        ("من المتوقع أن يحقق القطاع بعض المكاسب في مصر، وباكستان، ودول شمال أفريقيا، مثل "
         "تونس والجزائر والمغرب", "indirect", "ناظم", "PER", True),
        ("في غياب الإصلاح التنظيمي والدعم الحكومي القوي من المرجح أن يكون معدل النمو "
         "متوسطاً", "direct", "ناظم", "PER", False),
        ("أن إيرادات البنوك الإسلامية لا تتضمن مساهمات كبيرة من تمويل التجارة، وإقراض "
         "الشركات المتوسطة، وهما مجالان أساسيان في الأسواق الناشئة سريعة النمو", "indirect",
         "التقرير", "ORG", False),
        ("هذه فرصة لا تتكرر إلا مرة كل 15 عاماً؛ لكي تفوز البنوك الإسلامية الصغيرة بحصة من "
         "سوق التداول تلك الآخذة بالتطور", "direct", "ناظم", "PER", False),
        ("إن متوسط حقوق المساهمين لعينة من أكبر 20 بنكاً إسلامياً بلغ 11.9 في المئة على مدى "
         "خمس سنوات مقارنة مع 14.5 في المئة لعينة من 20 بنكاً تقليدياً", "indirect",
         "التقرير", "ORG", False),
    ],
    1159: [
        ("أن الشعب اليمني لن ينسى موقف التحالف الخليجي والعربي بقيادة المملكة وملكها الذين "
         "قدموا لليمن الكثير من الدعم والمساعدات في سبيل دحر الانقلابيين", "indirect",
         "صادق سرحان", "PER", False),
        ("أن موعد رفع رايات الحرية في كل اليمن بات قريبا", "indirect", "صادق سرحان", "PER",
         False),
        ("إن الجيش الوطني يخوض معارك طاحنة في جبهات القتال مع الانقلابيين الحوثيين منذ أربعة "
         "أشهر، وقريبا ــ بإذن الله ــ سيرحل الانقلابيون عن تعز من غير رجعة", "indirect",
         "سرحان", "PER", False),
        ("أن الجيش الشعبي الذي انضم للجيش النظامي كان له الدور الفاعل في التصدي لكل أفعال "
         "التمرد في تعز وكل المحافظات اليمنية", "indirect", "سرحان", "PER", False),
        ("بكم أنتم ستتحرر تعز من هذا الكابوس ومن هذا الانقلاب الخبيث الذين نشره المتمردون "
         "بحلفهم الحوثي وصالح", "direct", "سرحان", "PER", False),
        ("إن رجال المقاومة والقوات العسكرية يلقنون مليشيا صالح والحوثي دروسا في كل الجبهات",
         "indirect", "العميد سرحان", "PER", False),
        ("أن التمرد المعتدي على تعز ليس له طلب سياسي أو اجتماعي غير القتل واستعباد أبناء "
         "المدينة ونشر الخراب والدمار", "indirect", "العميد سرحان", "PER", False),
        ("الأيام المقبلة سيقوم الجيش الوطني بمهاجمة مواقع الحوثيين ومطاردتهم في كل مكان، ولن "
         "يجدوا مكانا يختبئون فيه", "direct", "العميد سرحان", "PER", False),
        ("أن الجيش الوطني لن يكون تابعا لحزب أو جماعة", "indirect", "العميد سرحان", "PER",
         False),
        ("بهؤلاء الرجال سنرفع رايات الحرية والنصر في تعز وربوع اليمن", "direct",
         "العميد سرحان", "PER", False),
        ("أن الشعب اليمني لن ينسى موقف التحالف الخليجي والعربي بقيادة المملكة وملكها الذين "
         "قدموا لليمن الكثير من الدعم والمساعدات في سبيل دحر الانقلابيين", "indirect",
         "سرحان", "PER", False, 1),
        ("نحن نعمل على بناء جيش الشرعية، ووجود الجيش هذا على الأرض لبناء قوات مسلحة ستكون "
         "قوات وطنية، وستدفع ــ بإذن الله ــ عن الوطن كل مكروه", "direct", "سرحان", "PER",
         False),
    ],
    1264: [
        ("هذه الخطوة ستدعم المقاومة اليمنية في البلاد ضد ميليشيات الحوثية وقوات المخلوع علي "
         "صالح", "direct", "المواطنون اليمنيون", "PER", False),
        ("نبارك عودة رئيس الوزراء إلى عدن لكي يطمئن الشعب وأول قراراته البنية التحتية",
         "direct", "محمد عبدالله", "PER", False),
        ("اعتبر ذلك نصراً للمقاومة في تعز والمحافظات وأتوقع إصدار قرارات حية وإعادة الحياة "
         "إلى طبيعتها في المدن اليمنية", "direct", "عبداللطيف سعيد", "PER", False),
        ("أن وصول \"بحاح\" إلى عدن هو بداية إعادة بناء الدولة ودفعة قوية للمقاومة الشعبية "
         "اليمنية، وسيمهد لإعادة الإعمار وانتقال الرئيس \"هادي إليها\"", "indirect",
         "محللون سياسيون", "PER", False),
        ("وصول نائب الرئيس إلى عدن له دلائل قوية بأن المقاومة منتصرة والانقلابين مهزومون "
         "بعون الله وتوفيقه", "direct", "حورية مشهور", "PER", False),
        ("وصول دولة نائب الرئيس اليمني خالد بحاح إلى عدن سيكون بداية إعادة بناء الدولة "
         "انطلاقاً من عاصمة الصمود والثقافة والأدب عدن", "direct", "إبراهيم آل مرعي", "PER",
         False),
        ("وصول خالد بحاح نائب الرئيس اليمني إلى عدن خطوة مهمة تمنح المقاومة مزيداً من "
         "الدافعية", "direct", "ياسر الزعاترة", "PER", False),
        ("وصول بحاح وستة وزراء آخرين إلى عدن خطوة مهمة يمنح المقاومة مزيداً من الدافعية، ومع "
         "استمرار التنسيق والدعم ستمضي الأمور في اتجاه أفضل", "direct", "ياسر الزعاترة",
         "PER", False),
    ],
    815: [
        ("أنه تم تنظيم عدد من الدورات التأهيلية للسيدات في عدد من من مناطق المملكة، من بينها "
         "الرياض، ومدينتا جدة والدمام لإنجاح العمليات الانتخابية للسيدات", "indirect",
         "هتون الفاسي", "PER", False),
        ("أن هناك إقبالا كبيرا من السيدات على خوض تجربة الترشح", "indirect", "هتون الفاسي",
         "PER", False),
        ("أن مدن الرياض، وجدة، والمدينة المنورة ومكة المكرمة وتبوك وبيشة والباحة كانت أكثر "
         "المناطق في أعداد الدورات التدريبية لخوض الانتخابات", "indirect", "هتون الفاسي",
         "PER", False),
        ("أن تسجيل المرشحات في دورة جدة بلغ 140 سيدة كمرشحة وكناخبة وكمديرة حملة انتخابية، "
         "وفي مدينة الرياض بلغ عدد المرشحات في الدورة 25 مرشحة", "indirect", "الفاسي", "PER",
         False),
        ("هناك إقبال كبير من السيدات وعملنا على تصفية المسجلات", "direct", "الفاسي", "PER",
         False),
        ("أنهن اللاتي لديهن عمل قيادي وعمل اجتماعي \"سابق\"، وبالتالي لديهن الإمكانية لخوض "
         "تجربة الترشح", "indirect", "الفاسي", "PER", False),
        ("لا يمكننا قبول سيدة لم تقدم خدمات لبيئتها المحلية", "direct", "الفاسي", "PER", False),
    ],
    9: [
        ("لمثل هذا يذوب القلب من كمد إن كان في القلب إسلام وإيمان", "direct", "عوض القرني",
         "PER", False),
        ("ماذا سنقول لربنا؟! وماذا سيقول عنا أبناؤنا وأحفادنا والتاريخ", "direct",
         "عوض القرني", "PER", False),
        ("لا يزال أبطال فلسطين ونساؤها يبيضون وجه الأمة ببذل الدماء ذٓوداً عن الأقصى", "direct",
         "محمد العريفي", "PER", False),
    ],
}


CLOSING = "»”\""


def build(index: int, article: dict[str, str]) -> Document:
    """The article as a document holding its gold quotes and their speakers."""
    text = article["content"]
    document = Document(f"saudinewsnet-2015-08-01-{index}", text, title=article["title"],
                        source=f"{NEWS.name} article {index} ({article['url']}); quotes and "
                               "speakers marked by hand, see bench/make_quote_gold.py")
    speakers: dict[tuple[int, int], str] = {}
    for entry in GOLD[index]:
        quote, kind, speaker, label, after = entry[:5]
        nth = entry[5] if len(entry) > 5 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(quote, start + 1)
        end = start + len(quote)
        if kind == "direct" and text[end] not in CLOSING:
            end = min(i for i in (text.find(mark, end) for mark in CLOSING) if i >= 0)
        at = text.index(speaker, end) if after else text.rindex(speaker, 0, start)
        span = (at, at + len(speaker))
        if span not in speakers:
            speakers[span] = document.annotate(*span, label, annotator=ANNOTATOR).id
        document.annotate(start, end, "QUOTE", annotator=ANNOTATOR, attributes={"type": kind},
                          links=[Link("speaker", speakers[span])])
    return document


def main() -> None:
    articles = json.loads(NEWS.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for index in GOLD:
        document = build(index, articles[index])
        save_tei(document, OUT / f"{document.id}.tei.xml")
        print(f"{document.id}: {len(GOLD[index])} quotes")


if __name__ == "__main__":
    main()
