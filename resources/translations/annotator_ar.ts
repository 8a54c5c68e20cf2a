<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>Adjudication</name>
    <message>
      <source>This file holds the work of %d annotators: Adjudicate › Adjudication Mode (Ctrl+Shift+J) to adjudicate it.</source>
      <translation>يضم هذا الملف عمل %d معلِّقين: تحكيم › وضع التحكيم (Ctrl+Shift+J) لتحكيمه.</translation>
    </message>
    <message>
      <source>link</source>
      <translation>رابط</translation>
    </message>
    <message>
      <source>%s waits for %s to be accepted</source>
      <translation>%s ينتظر قبول %s في المعيار الذهبي</translation>
    </message>
    <message>
      <source>%d conflicts. Alt+PgDown: the first one.</source>
      <translation>%d تعارضات. Alt+PgDown: أولها.</translation>
    </message>
    <message>
      <source>&amp;Adjudication Mode</source>
      <translation>وضع ال&amp;تحكيم</translation>
    </message>
    <message>
      <source>&amp;Edit into Gold</source>
      <translation>&amp;حرّر في المعيار الذهبي</translation>
    </message>
    <message>
      <source>&amp;Next Conflict</source>
      <translation>التعارض ال&amp;تالي</translation>
    </message>
    <message>
      <source>&amp;Previous Conflict</source>
      <translation>التعارض ال&amp;سابق</translation>
    </message>
    <message>
      <source>&amp;Reject Gold Here</source>
      <translation>ا&amp;رفض الذهبي هنا</translation>
    </message>
    <message>
      <source>A&amp;djudicate</source>
      <translation>&amp;تحكيم</translation>
    </message>
    <message>
      <source>Accept Version %d</source>
      <translation>اقبل النسخة %d</translation>
    </message>
    <message>
      <source>Accept the current version if need be and edit the gold annotation</source>
      <translation>اقبل النسخة الحالية إن لزم وحرّر التعليق الذهبي</translation>
    </message>
    <message>
      <source>Accepted %s into gold (%s)</source>
      <translation>قُبل %s في المعيار الذهبي (%s)</translation>
    </message>
    <message>
      <source>Adjudicate</source>
      <translation>تحكيم</translation>
    </message>
    <message>
      <source>Adjudication is off (Ctrl+Shift+J).</source>
      <translation>التحكيم متوقف (Ctrl+Shift+J).</translation>
    </message>
    <message>
      <source>Colour by annotator and go through the conflicts of a merged file</source>
      <translation>لوّن حسب المُعلِّق وتنقّل بين تعارضات ملف مدمج</translation>
    </message>
    <message>
      <source>Conflict %d of %d: %s</source>
      <translation>التعارض %d من %d: %s</translation>
    </message>
    <message>
      <source>Counting conflicts… %d%%</source>
      <translation>جارٍ عدّ الخلافات… %d%%</translation>
    </message>
    <message>
      <source>Go to a conflict first (Alt+PgDown).</source>
      <translation>اذهب إلى تعارض أولًا (Alt+PgDown).</translation>
    </message>
    <message>
      <source>Gold</source>
      <translation>الذهبي</translation>
    </message>
    <message>
      <source>Gold already holds that.</source>
      <translation>المعيار الذهبي يحوي هذا من قبل.</translation>
    </message>
    <message>
      <source>Make an annotation current to take its label.</source>
      <translation>اجعل تعليقًا حاليًّا لتأخذ وسمه.</translation>
    </message>
    <message>
      <source>Make the selected text a gold annotation</source>
      <translation>اجعل النص المحدّد تعليقًا ذهبيًّا</translation>
    </message>
    <message>
      <source>No conflicts in this document.</source>
      <translation>لا تعارضات في هذه الوثيقة.</translation>
    </message>
    <message>
      <source>No conflicts: every annotator agrees and gold holds what they drew.</source>
      <translation>لا تعارضات: كل المُعلِّقين متفقون والمعيار الذهبي يحوي ما علّموه.</translation>
    </message>
    <message>
      <source>No gold annotation here to reject.</source>
      <translation>لا تعليق ذهبيًّا هنا لرفضه.</translation>
    </message>
    <message>
      <source>Reject gold</source>
      <translation>ارفض الذهبي</translation>
    </message>
    <message>
      <source>Remove the current gold annotation (or every gold one of the conflict)</source>
      <translation>أزل التعليق الذهبي الحالي (أو كل تعليقات التعارض الذهبية)</translation>
    </message>
    <message>
      <source>Select some text first.</source>
      <translation>حدّد نصًّا أولًا.</translation>
    </message>
    <message>
      <source>Selection to &amp;Gold</source>
      <translation>التحديد إلى ال&amp;ذهبي</translation>
    </message>
    <message>
      <source>Still counting the conflicts: a moment.</source>
      <translation>ما زال عدّ الخلافات جاريًا: لحظة من فضلك.</translation>
    </message>
    <message>
      <source>That was the first conflict.</source>
      <translation>كان ذلك أول تعارض.</translation>
    </message>
    <message>
      <source>That was the last conflict.</source>
      <translation>كان ذلك آخر تعارض.</translation>
    </message>
    <message>
      <source>This conflict has %d version(s).</source>
      <translation>لهذا التعارض %d نسخ.</translation>
    </message>
    <message>
      <source>gold</source>
      <translation>ذهبي</translation>
    </message>
    <message>
      <source>nothing from %s</source>
      <translation>لا شيء من %s</translation>
    </message>
    <message>
      <source>nothing here in gold</source>
      <translation>لا شيء هنا في المعيار الذهبي</translation>
    </message>
  </context>
  <context>
    <name>AdjudicationPanel</name>
    <message>
      <source>Accept</source>
      <translation>اقبل</translation>
    </message>
    <message>
      <source>By</source>
      <translation>بواسطة</translation>
    </message>
    <message>
      <source>Edit Gold</source>
      <translation>حرّر الذهبي</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>المفتاح</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>التالي ◀</translation>
    </message>
    <message>
      <source>Reject Gold</source>
      <translation>ارفض الذهبي</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>▶ السابق</translation>
    </message>
  </context>
  <context>
    <name>AnnotatedTextView</name>
    <message>
      <source>(missing)</source>
      <translation>(مفقود)</translation>
    </message>
    <message>
      <source>Annotator: %s</source>
      <translation>المُعلِّق: %s</translation>
    </message>
    <message>
      <source>Note: %s</source>
      <translation>ملاحظة: %s</translation>
    </message>
  </context>
  <context>
    <name>AnnotationTableModel</name>
    <message>
      <source>Annotator</source>
      <translation>المُعلِّق</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Span</source>
      <translation>المدى</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>a model is already there; kept, nothing trained (use --overwrite to replace it)</source>
      <translation>يوجد نموذج هنا من قبل؛ أُبقي ولم يُدرَّب شيء (استعمل ⁨--overwrite⁩ لاستبداله)</translation>
    </message>
    <message>
      <source>document {document}: {count} link(s) between different annotators' or layers' spans left out (a Label Studio relation joins regions of one annotation)</source>
      <translation>الوثيقة {document}: تُرك {count} من الروابط بين مقاطع مُوسِّمين أو طبقات مختلفة (علاقة ⁨Label Studio⁩ تصل مناطق توسيم واحد)</translation>
    </message>
    <message>
      <source>not a file type import reads; it reads {formats} (or name one with --format)</source>
      <translation>ليس نوع ملف يقرؤه الاستيراد؛ يقرأ {formats} (أو سمِّ أحدها بـ⁨--format⁩)</translation>
    </message>
    <message>
      <source>holds a token and its tag a line (CoNLL/BIO): read as CoNLL (--format txt reads it as plain text)</source>
      <translation>فيه كلمة ووسمها في كل سطر (CoNLL/BIO): قُرئ بصيغة CoNLL (⁨--format txt⁩ يقرؤه نصًا عاديًا)</translation>
    </message>
    <message>
      <source>{count} span(s) read as UTF-16 code units, as JavaScript tools count (a character beyond U+FFFF, such as an emoji, comes before them): converted to code points</source>
      <translation>قُرئت مواضع {count} مقطع بوحدات ⁨UTF-16⁩ كما تعدّها أدوات ⁨JavaScript⁩ (يسبقها محرف بعد ⁨U+FFFF⁩ كالرموز التعبيرية): حُوّلت إلى نقاط ترميز</translation>
    </message>
    <message>
      <source>not a Label Studio export nor other JSON this tool reads ({found}); it reads {formats}</source>
      <translation>ليس تصديرًا من ⁨Label Studio⁩ ولا ملف ⁨JSON⁩ آخر تقرؤه الأداة ({found})؛ تقرأ {formats}</translation>
    </message>
    <message>
      <source>task {task}: no text (data.text, or one text field in data)</source>
      <translation>المهمة {task}: لا نص (⁨data.text⁩، أو حقل نصي واحد في ⁨data⁩)</translation>
    </message>
    <message>
      <source>task {task}: a task must be an object</source>
      <translation>المهمة {task}: يجب أن تكون المهمة كائنًا</translation>
    </message>
    <message>
      <source>task {task}: "annotations" must be a list of objects holding a "result" list</source>
      <translation>المهمة {task}: يجب أن تكون ⁨"annotations"⁩ قائمة كائنات في كلٍّ منها قائمة ⁨"result"⁩</translation>
    </message>
    <message>
      <source>task {task}: region {id!r} needs integer start and end and a list of labels</source>
      <translation>المهمة {task}: تحتاج المنطقة {id!r} إلى بداية ونهاية صحيحتين وقائمة وسوم</translation>
    </message>
    <message>
      <source>task {task}: region {id!r} [{start}, {end}) says its text is {given!r} but the text there is {found!r}</source>
      <translation>المهمة {task}: تقول المنطقة {id!r} ⁨[{start}, {end})⁩ إن نصها {given!r} لكن النص هناك {found!r}</translation>
    </message>
    <message>
      <source>task {task}: region {id!r} [{start}, {end}) is outside the text ({length} characters)</source>
      <translation>المهمة {task}: المنطقة {id!r} ⁨[{start}, {end})⁩ خارج النص ({length} محرفًا)</translation>
    </message>
    <message>
      <source>task {task}: relation from {source!r} to {target!r}: no region has that id; left out</source>
      <translation>المهمة {task}: العلاقة من {source!r} إلى {target!r}: لا منطقة بهذا المعرّف؛ تُركت</translation>
    </message>
    <message>
      <source>task {task}: {count} prediction(s) left out (accept them in Label Studio to import them)</source>
      <translation>المهمة {task}: تُرك {count} من التنبؤات (اقبلها في ⁨Label Studio⁩ لتُستورد)</translation>
    </message>
    <message>
      <source>task {task}: {count} result(s) of type {type!r} left out (text spans, relations and per-region choices are read)</source>
      <translation>المهمة {task}: تُرك {count} من النتائج من النوع {type!r} (تُقرأ مقاطع النص والعلاقات واختيارات كل منطقة)</translation>
    </message>
    <message>
      <source>task {task}: document label {label!r} ({name}) ignored (only spans are imported)</source>
      <translation>المهمة {task}: أُهمل وسم الوثيقة {label!r} ({name}) (لا تُستورد إلا المقاطع)</translation>
    </message>
    <message>
      <source>task {task}: cancelled annotation by {annotator} left out</source>
      <translation>المهمة {task}: تُرك التوسيم الملغى الذي قام به {annotator}</translation>
    </message>
    <message>
      <source>JSON-MIN record {number}: {key!r} must be a list of regions with start, end and labels</source>
      <translation>سجل ⁨JSON-MIN⁩ رقم {number}: يجب أن يكون {key!r} قائمة مناطق لكلٍّ منها بداية ونهاية ووسوم</translation>
    </message>
    <message>
      <source>task {task} is given twice with different texts; the later one is left out</source>
      <translation>المهمة {task} واردة مرتين بنصين مختلفين؛ تُركت الثانية</translation>
    </message>
    <message>
      <source>is a folder; give a file name for Label Studio output</source>
      <translation>هذا مجلد؛ أعطِ اسم ملف لمخرجات ⁨Label Studio⁩</translation>
    </message>
    <message>
      <source>task {task}: {count} span(s) read as UTF-16 code units (a character beyond U+FFFF comes before them): converted to code points</source>
      <translation>المهمة {task}: قُرئت مواضع {count} مقطع بوحدات ⁨UTF-16⁩ (يسبقها محرف بعد ⁨U+FFFF⁩): حُوّلت إلى نقاط ترميز</translation>
    </message>
    <message>
      <source>a description of the data beside it, not a document; skipped (name it on the command line to import it as text)</source>
      <translation>وصف للبيانات التي بجانبه لا وثيقة؛ تُخطّي (سمِّه في سطر الأوامر لاستيراده نصًّا)</translation>
    </message>
    <message>
      <source>{count} file(s) of types import does not read skipped ({endings}); it reads {formats}</source>
      <translation>تُخطّي {count} ملف من أنواع لا يقرؤها الاستيراد ({endings})؛ يقرأ {formats}</translation>
    </message>
    <message>
      <source>"direction" must be "rtl" or "ltr", not {direction!r}</source>
      <translation>يجب أن يكون ⁨"direction"⁩ ⁨"rtl"⁩ أو ⁨"ltr"⁩، لا {direction!r}</translation>
    </message>
    <message>
      <source>"entities" must be a list</source>
      <translation>يجب أن يكون ⁨"entities"⁩ قائمة</translation>
    </message>
    <message>
      <source>"id" must be a string or an integer</source>
      <translation>يجب أن يكون ⁨"id"⁩ سلسلة نصية أو عددًا صحيحًا</translation>
    </message>
    <message>
      <source>"label" must be a list of [start, end, "LABEL"]</source>
      <translation>يجب أن يكون ⁨"label"⁩ قائمة من ⁨[start, end, "LABEL"]⁩</translation>
    </message>
    <message>
      <source>"meta" must be an object</source>
      <translation>يجب أن يكون ⁨"meta"⁩ كائنًا</translation>
    </message>
    <message>
      <source>"relations" must be a list</source>
      <translation>يجب أن يكون ⁨"relations"⁩ قائمة</translation>
    </message>
    <message>
      <source>"spans" must be a list</source>
      <translation>يجب أن يكون ⁨"spans"⁩ قائمة</translation>
    </message>
    <message>
      <source>"status" must map annotator names to strings</source>
      <translation>يجب أن يربط ⁨"status"⁩ أسماء المعلِّقين بسلاسل نصية</translation>
    </message>
    <message>
      <source>--annotators: give at least one name</source>
      <translation>⁨--annotators⁩: أعطِ اسمًا واحدًا على الأقل</translation>
    </message>
    <message>
      <source>--conflicts names the merged output itself; choose another name</source>
      <translation>⁨--conflicts⁩ يسمّي المخرج المدمج نفسه؛ اختر اسمًا آخر</translation>
    </message>
    <message>
      <source>--labels: give at least one label</source>
      <translation>⁨--labels⁩: أعطِ وسمًا واحدًا على الأقل</translation>
    </message>
    <message>
      <source>--min-agree {k} is impossible with {annotators} annotators</source>
      <translation>⁨--min-agree⁩ {k} مستحيل مع {annotators} مُعلِّقين</translation>
    </message>
    <message>
      <source>--per-document must be at least 1, not {k}</source>
      <translation>يجب أن يكون ⁨--per-document⁩ ‏1 على الأقل، لا {k}</translation>
    </message>
    <message>
      <source>--per-document {k} needs at least {k} annotators, not {count}</source>
      <translation>⁨--per-document {k}⁩ يحتاج {k} معلّقين على الأقل، لا {count}</translation>
    </message>
    <message>
      <source>--project needs --annotator NAME (whose layer receives the annotations)</source>
      <translation>⁨--project⁩ يحتاج ⁨--annotator NAME⁩ (صاحب الطبقة التي تتلقى التعليقات)</translation>
    </message>
    <message>
      <source>--split needs OUT to be a folder, but it is a file</source>
      <translation>يحتاج ⁨--split⁩ أن يكون ⁨OUT⁩ مجلدًا، لكنه ملف</translation>
    </message>
    <message>
      <source>--split: the fractions add up to {total:g}, not 1</source>
      <translation>⁨--split⁩: مجموع النسب {total:g} لا 1</translation>
    </message>
    <message>
      <source>--split: {item!r} is not NAME=FRACTION (e.g. train=0.8,dev=0.1,test=0.1)</source>
      <translation>⁨--split⁩: {item!r} ليس بالصيغة ⁨NAME=FRACTION⁩ (مثل ⁨train=0.8,dev=0.1,test=0.1⁩)</translation>
    </message>
    <message>
      <source>--split: {name!r} given twice</source>
      <translation>⁨--split⁩: {name!r} مذكور مرتين</translation>
    </message>
    <message>
      <source>--width must be at least 10, not {width}</source>
      <translation>يجب ألا يقل ⁨--width⁩ عن 10، وهو {width}</translation>
    </message>
    <message>
      <source>DOCTYPE declarations are not allowed (no DTDs, no entities)</source>
      <translation>تصريحات ⁨DOCTYPE⁩ غير مسموح بها (لا DTD ولا كيانات)</translation>
    </message>
    <message>
      <source>XML version {version!r} is not supported: this tool reads XML 1.0</source>
      <translation>إصدار XML {version!r} غير مدعوم: تقرأ هذه الأداة XML 1.0</translation>
    </message>
    <message>
      <source>a doccano label must be [start, end, "LABEL"]</source>
      <translation>يجب أن يكون وسم doccano بالصيغة ⁨[start, end, "LABEL"]⁩</translation>
    </message>
    <message>
      <source>a gold annotation needs a label</source>
      <translation>يحتاج التعليق الذهبي وسمًا</translation>
    </message>
    <message>
      <source>a line must hold a JSON object</source>
      <translation>يجب أن يحوي السطر كائن JSON</translation>
    </message>
    <message>
      <source>a link must be {{"role": ..., "target": ...}}</source>
      <translation>يجب أن يكون الربط بالصيغة ⁨{{"role": ..., "target": ...}}⁩</translation>
    </message>
    <message>
      <source>a project is already here (project.toml); choose another folder</source>
      <translation>يوجد مشروع هنا من قبل (⁨project.toml⁩)؛ اختر مجلدًا آخر</translation>
    </message>
    <message>
      <source>a relation must have "from_id", "to_id" and "type"</source>
      <translation>يجب أن تكون للعلاقة الحقول ⁨"from_id"⁩ و⁨"to_id"⁩ و⁨"type"⁩</translation>
    </message>
    <message>
      <source>a relation needs a type and two arguments (Arg1:T1 Arg2:T2); line skipped</source>
      <translation>تحتاج العلاقة نوعًا وطرفين ⁨(Arg1:T1 Arg2:T2)⁩؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>a row must be a JSON object</source>
      <translation>يجب أن يكون الصف كائن JSON</translation>
    </message>
    <message>
      <source>a row needs the lists "tokens" and "ner_tags"</source>
      <translation>يحتاج الصف القائمتين ⁨"tokens"⁩ و⁨"ner_tags"⁩</translation>
    </message>
    <message>
      <source>a span must be an object</source>
      <translation>يجب أن يكون المدى كائنًا</translation>
    </message>
    <message>
      <source>a status needs an annotator's name</source>
      <translation>تحتاج الحالة اسم مُعلِّق</translation>
    </message>
    <message>
      <source>a symbolic link to the folder {target}; not followed</source>
      <translation>رابط رمزي إلى المجلد {target}؛ لم يُتبع</translation>
    </message>
    <message>
      <source>a symbolic link to {target}, outside {folder}; skipped</source>
      <translation>رابط رمزي إلى {target}، خارج {folder}؛ تُخُطِّي</translation>
    </message>
    <message>
      <source>a text-bound line needs an id, a tab and 'LABEL START END'; line skipped</source>
      <translation>يحتاج سطر النص المحدود معرّفًا وجدولة و⁨'LABEL START END'⁩؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>a {role} must be {targets}, not {label}</source>
      <translation>يجب أن يكون {role} من {targets}، لا {label}</translation>
    </message>
    <message>
      <source>agreement needs at least two annotators' work, found none</source>
      <translation>يحتاج الاتفاق عمل مُعلِّقَين على الأقل، ولم يوجد أحد</translation>
    </message>
    <message>
      <source>agreement needs at least two annotators' work, found {names}</source>
      <translation>يحتاج الاتفاق عمل مُعلِّقَين على الأقل، ووُجد: {names}</translation>
    </message>
    <message>
      <source>already there, and {more} more of the files to write; kept, nothing written (use --overwrite to replace them)</source>
      <translation>موجود من قبل، ومعه {more} من الملفات الأخرى المراد كتابتها؛ أُبقيت ولم يُكتب شيء (استعمل ⁨--overwrite⁩ لاستبدالها)</translation>
    </message>
    <message>
      <source>already there; kept, nothing written (use --overwrite to replace it)</source>
      <translation>موجود من قبل؛ أُبقي ولم يُكتب شيء (استعمل ⁨--overwrite⁩ لاستبداله)</translation>
    </message>
    <message>
      <source>an empty {label} entity at character {start} (empty tokens only) is left out</source>
      <translation>كيان {label} فارغ عند الحرف {start} (وحداته فارغة كلها) تُرك</translation>
    </message>
    <message>
      <source>an unfinished git {operation} is in progress here: finish or abort it with git first</source>
      <translation>عملية ⁨git {operation}⁩ لم تكتمل هنا: أكملها أو ألغها بـgit أولًا</translation>
    </message>
    <message>
      <source>annotation id {id!r} is not a valid XML name or is reserved</source>
      <translation>معرّف التعليق {id!r} ليس اسم XML صالحًا أو أنه محجوز</translation>
    </message>
    <message>
      <source>annotation {id} cannot be its own {role}</source>
      <translation>لا يمكن أن يكون التعليق {id} {role} لنفسه</translation>
    </message>
    <message>
      <source>annotation {id} has no {role} link to {target}</source>
      <translation>ليس للتعليق {id} ربط {role} إلى {target}</translation>
    </message>
    <message>
      <source>annotation {id}: &lt;ptr&gt; type {role!r} is not a link role (one word)</source>
      <translation>التعليق {id}: النوع {role!r} في ⁨&lt;ptr&gt;⁩ ليس دور ربط (كلمة واحدة)</translation>
    </message>
    <message>
      <source>annotation {id}: @ana {ana!r} names no category of the taxonomy</source>
      <translation>التعليق {id}: ⁨@ana⁩ {ana!r} لا يسمّي فئة من التصنيف</translation>
    </message>
    <message>
      <source>annotation {id}: @change {change!r} names no &lt;change&gt; of the header</source>
      <translation>التعليق {id}: ⁨@change⁩ {change!r} لا يسمّي أي ⁨&lt;change&gt;⁩ في الترويسة</translation>
    </message>
    <message>
      <source>annotation {id}: comes before the text</source>
      <translation>التعليق {id}: يأتي قبل النص</translation>
    </message>
    <message>
      <source>annotation {id}: empty attribute name</source>
      <translation>التعليق {id}: اسم سمة فارغ</translation>
    </message>
    <message>
      <source>annotation {id}: empty label</source>
      <translation>التعليق {id}: وسم فارغ</translation>
    </message>
    <message>
      <source>annotation {id}: empty link role</source>
      <translation>التعليق {id}: دور ربط فارغ</translation>
    </message>
    <message>
      <source>annotation {id}: empty span [{start}, {end})</source>
      <translation>التعليق {id}: مدى فارغ ⁨[{start}, {end})⁩</translation>
    </message>
    <message>
      <source>annotation {id}: link role {role!r} must be one word</source>
      <translation>التعليق {id}: يجب أن يكون دور الربط {role!r} كلمة واحدة</translation>
    </message>
    <message>
      <source>annotation {id}: link target {target!r} is not an annotation id</source>
      <translation>التعليق {id}: هدف الربط {target!r} ليس معرّف تعليق</translation>
    </message>
    <message>
      <source>annotation {id}: negative offset {start}</source>
      <translation>التعليق {id}: إزاحة سالبة {start}</translation>
    </message>
    <message>
      <source>annotation {id}: offsets must be integers</source>
      <translation>التعليق {id}: يجب أن تكون الإزاحات أعدادًا صحيحة</translation>
    </message>
    <message>
      <source>annotation {id}: pointer names {anchor!r}, which is not in the text</source>
      <translation>التعليق {id}: المؤشر يسمّي {anchor!r}، وهو ليس في النص</translation>
    </message>
    <message>
      <source>annotation {id}: reversed span [{start}, {end})</source>
      <translation>التعليق {id}: مدى معكوس ⁨[{start}, {end})⁩</translation>
    </message>
    <message>
      <source>annotation {id}: span [{start}, {end}) ends beyond the text ({length} characters)</source>
      <translation>التعليق {id}: المدى ⁨[{start}, {end})⁩ ينتهي بعد آخر النص ({length} حرفًا)</translation>
    </message>
    <message>
      <source>annotation {id}: string-range({range}) is empty or does not resolve inside the text ({length} characters)</source>
      <translation>التعليق {id}: ⁨string-range({range})⁩ فارغ أو لا يقع داخل النص ({length} حرفًا)</translation>
    </message>
    <message>
      <source>annotation {id}: target {target!r} is not #string-range(ID,OFFSET,LENGTH)</source>
      <translation>التعليق {id}: الهدف {target!r} ليس بالصيغة ⁨#string-range(ID,OFFSET,LENGTH)⁩</translation>
    </message>
    <message>
      <source>annotation {id}: the {field} holds U+{char}, which XML cannot carry</source>
      <translation>التعليق {id}: في {field} المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>annotation {id}: {role} link points to missing {target!r}</source>
      <translation>التعليق {id}: الربط {role} يشير إلى تعليق غير موجود {target!r}</translation>
    </message>
    <message>
      <source>annotator names {first!r} and {second!r} differ only in case (Windows and macOS would give them one folder)</source>
      <translation>اسما المعلّقَين {first!r} و{second!r} لا يختلفان إلا في حالة الأحرف (ويندوز وماك يجعلان لهما مجلدًا واحدًا)</translation>
    </message>
    <message>
      <source>annotator {annotator!r} has work in both {first} and {other}</source>
      <translation>للمُعلِّق {annotator!r} عمل في {first} وفي {other} كليهما</translation>
    </message>
    <message>
      <source>annotator {name!r} is named twice</source>
      <translation>المعلّق {name!r} مذكور مرتين</translation>
    </message>
    <message>
      <source>attribute of unknown annotation {id!r}; line skipped</source>
      <translation>سمة لتعليق مجهول {id!r}؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>attribute {key!r} must be a string, number or boolean</source>
      <translation>يجب أن تكون السمة {key!r} سلسلة نصية أو عددًا أو قيمة منطقية</translation>
    </message>
    <message>
      <source>attribute {name} of {id} given twice; line skipped</source>
      <translation>السمة {name} للتعليق {id} مذكورة مرتين؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>bad JSON: nested too deeply</source>
      <translation>JSON غير صالح: تداخل عميق جدًّا</translation>
    </message>
    <message>
      <source>bad JSON: {detail} (column {colno})</source>
      <translation>JSON غير صالح: {detail} (العمود {colno})</translation>
    </message>
    <message>
      <source>binary data (NUL bytes), not a text file</source>
      <translation>بيانات ثنائية (فيها بايتات NUL)، لا ملف نصي</translation>
    </message>
    <message>
      <source>bytes {bytes} are not valid UTF-8 (byte {position} of the line)</source>
      <translation>البايتات {bytes} ليست UTF-8 صالحًا (البايت {position} من السطر)</translation>
    </message>
    <message>
      <source>bytes {bytes} are not valid {encoding}</source>
      <translation>البايتات {bytes} غير صالحة في ترميز {encoding}</translation>
    </message>
    <message>
      <source>cannot create folder: {reason}</source>
      <translation>تعذّر إنشاء المجلد: {reason}</translation>
    </message>
    <message>
      <source>cannot create the folder: {reason}</source>
      <translation>تعذّر إنشاء المجلد: {reason}</translation>
    </message>
    <message>
      <source>cannot create the output folder: {reason}</source>
      <translation>تعذّر إنشاء مجلد المخرجات: {reason}</translation>
    </message>
    <message>
      <source>cannot create the recovery folder: {reason}</source>
      <translation>تعذّر إنشاء مجلد الاسترداد: {reason}</translation>
    </message>
    <message>
      <source>cannot keep the status index: {reason}; the status shown is right, the next one will be slower</source>
      <translation>تعذّر الاحتفاظ بفهرس الحالة: {reason}؛ الحالة المعروضة صحيحة، والمرة القادمة أبطأ</translation>
    </message>
    <message>
      <source>cannot reach the remote {remote} ({detail}); your work is committed here and nothing is lost: check the network or the remote's address (git remote -v), then sync again</source>
      <translation>تعذّر الوصول إلى المستودع البعيد {remote} ({detail})؛ عملك محفوظ هنا في إيداع ولم يضِع شيء: تحقق من الشبكة أو من عنوان المستودع البعيد (⁨git remote -v⁩) ثم زامن من جديد</translation>
    </message>
    <message>
      <source>cannot read folder: permission denied</source>
      <translation>تعذّرت قراءة المجلد: الإذن مرفوض</translation>
    </message>
    <message>
      <source>cannot read folder: {reason}</source>
      <translation>تعذّرت قراءة المجلد: {reason}</translation>
    </message>
    <message>
      <source>cannot read project.toml: {reason}</source>
      <translation>تعذّرت قراءة ⁨project.toml⁩: {reason}</translation>
    </message>
    <message>
      <source>cannot read tag set: {reason}</source>
      <translation>تعذّرت قراءة مجموعة الوسوم: {reason}</translation>
    </message>
    <message>
      <source>cannot read the label list: {detail}</source>
      <translation>تعذّرت قراءة قائمة الوسوم: {detail}</translation>
    </message>
    <message>
      <source>cannot read the schema</source>
      <translation>تعذّرت قراءة المخطط</translation>
    </message>
    <message>
      <source>cannot read: {reason}</source>
      <translation>تعذّرت القراءة: {reason}</translation>
    </message>
    <message>
      <source>cannot write here: {reason}</source>
      <translation>تعذّرت الكتابة هنا: {reason}</translation>
    </message>
    <message>
      <source>cannot write the screenshot</source>
      <translation>تعذّرت كتابة لقطة الشاشة</translation>
    </message>
    <message>
      <source>cannot write: {reason}</source>
      <translation>تعذّرت الكتابة: {reason}</translation>
    </message>
    <message>
      <source>cannot write: {reason}; {written} of {total} documents written</source>
      <translation>تعذّرت الكتابة: {reason}؛ كُتبت {written} من {total} وثيقة</translation>
    </message>
    <message>
      <source>category {id!r} has no label (@n empty or missing)</source>
      <translation>الفئة {id!r} بلا وسم (⁨@n⁩ فارغ أو غائب)</translation>
    </message>
    <message>
      <source>cohen_kappa: {first} values against {second}</source>
      <translation>⁨cohen_kappa⁩: {first} قيمة مقابل {second}</translation>
    </message>
    <message>
      <source>declares document {declared}, not {id}</source>
      <translation>يصرّح بالوثيقة {declared}، لا {id}</translation>
    </message>
    <message>
      <source>different tag sets in the inputs: {names}</source>
      <translation>مجموعات وسوم مختلفة في المدخلات: {names}</translation>
    </message>
    <message>
      <source>different tag sets: {first} uses {first_name!r}, {other} uses {other_name!r}</source>
      <translation>مجموعات وسوم مختلفة: {first} يستعمل {first_name!r}، و{other} يستعمل {other_name!r}</translation>
    </message>
    <message>
      <source>document id {given!r} became {id!r} (ids hold letters, digits, '.', '-', '_')</source>
      <translation>تحوّل معرّف الوثيقة {given!r} إلى {id!r} (تتكوّن المعرّفات من حروف وأرقام والرموز ⁨'.', '-', '_'⁩)</translation>
    </message>
    <message>
      <source>document id {id!r} is also in {other}; this copy is left out</source>
      <translation>معرّف الوثيقة {id!r} موجود أيضًا في {other}؛ تُركت هذه النسخة</translation>
    </message>
    <message>
      <source>document id {id!r} must be letters, digits, '.', '-', '_'</source>
      <translation>يجب أن يتكوّن معرّف الوثيقة {id!r} من حروف وأرقام والرموز ⁨'.', '-', '_'⁩</translation>
    </message>
    <message>
      <source>document id {id!r} was already imported from {source} in this run with different content; {target} not overwritten</source>
      <translation>استُوردت الوثيقة ذات المعرّف {id!r} من قبل من {source} في هذا التشغيل بمحتوى مختلف؛ لم يُكتب فوق {target}</translation>
    </message>
    <message>
      <source>document id {start!r}… is {length} bytes long in UTF-8; a file name holds at most {limit}</source>
      <translation>طول معرّف الوثيقة {start!r}… بترميز UTF-8 هو {length} بايت؛ واسم الملف يحمل {limit} على الأكثر</translation>
    </message>
    <message>
      <source>document ids {first!r} and {second!r} differ only in case (Windows and macOS would give them one file)</source>
      <translation>معرّفا الوثيقتين {first!r} و{second!r} لا يختلفان إلا في حالة الأحرف (ويندوز وماك يجعلان لهما ملفًا واحدًا)</translation>
    </message>
    <message>
      <source>document label {label!r} ignored (only spans are imported)</source>
      <translation>أُهمل وسم الوثيقة {label!r} (تُستورد المديات وحدها)</translation>
    </message>
    <message>
      <source>document {document}: attribute {name} of {id} holds line breaks or tabs, written as spaces (brat cannot hold them)</source>
      <translation>الوثيقة {document}: في السمة {name} للتعليق {id} فواصل أسطر أو جدولات كُتبت مسافات (لا يحملها brat)</translation>
    </message>
    <message>
      <source>document {document}: the note of {id} holds line breaks or tabs, written as spaces (brat cannot hold them)</source>
      <translation>الوثيقة {document}: في ملاحظة التعليق {id} فواصل أسطر أو جدولات كُتبت مسافات (لا يحملها brat)</translation>
    </message>
    <message>
      <source>document {document}: {id} {label} [{start}, {end}) covers only the space between paragraphs; inline TEI has no place for it</source>
      <translation>الوثيقة {document}: التعليق {id} ({label}) ⁨[{start}, {end})⁩ لا يغطي إلا الفراغ بين الفقرات؛ لا مكان له في TEI المضمَّن</translation>
    </message>
    <message>
      <source>document {document}: {id} {label} [{start}, {end}) nested in {other} {other_label}; BIO cannot hold both, left out</source>
      <translation>الوثيقة {document}: التعليق {id} ({label}) ⁨[{start}, {end})⁩ داخل {other} ({other_label})؛ لا يحمل BIO الاثنين، فتُرك</translation>
    </message>
    <message>
      <source>document {document}: {id} {label} [{start}, {end}) overlaps {other} {other_label}; BIO cannot hold both, left out</source>
      <translation>الوثيقة {document}: التعليق {id} ({label}) ⁨[{start}, {end})⁩ يتداخل مع {other} ({other_label})؛ لا يحمل BIO الاثنين، فتُرك</translation>
    </message>
    <message>
      <source>document {document}: {id} {label} [{start}, {end}) {text!r} does not align with the tokens {near!r}; left out</source>
      <translation>الوثيقة {document}: التعليق {id} ({label}) ⁨[{start}, {end})⁩ {text!r} لا يوافق حدود الوحدات {near!r}؛ تُرك</translation>
    </message>
    <message>
      <source>document {document}: {id} {label} [{start}, {end}) {text!r} does not align with the tokens {near!r}; left out (--split-proclitics may help)</source>
      <translation>الوثيقة {document}: التعليق {id} ({label}) ⁨[{start}, {end})⁩ {text!r} لا يوافق حدود الوحدات {near!r}؛ تُرك (قد ينفع ⁨--split-proclitics⁩)</translation>
    </message>
    <message>
      <source>document {document}: {id} {role} points to missing {target}; left out</source>
      <translation>الوثيقة {document}: الربط {role} من {id} يشير إلى {target} غير الموجود؛ تُرك</translation>
    </message>
    <message>
      <source>document {document}: attribute name {name!r} of {id} holds white space, written as {written!r} (brat cannot hold it)</source>
      <translation>الوثيقة {document}: في اسم السمة {name!r} للتعليق {id} مسافات، فكُتب {written!r} (لا يحملها brat)</translation>
    </message>
    <message>
      <source>document {document}: {labels} spans left out of BIO (quotes and claims; name them in --labels to include them)</source>
      <translation>الوثيقة {document}: تُركت مديات {labels} خارج BIO (اقتباسات وادعاءات؛ سمّها في ⁨--labels⁩ لتدخل)</translation>
    </message>
    <message>
      <source>the {format} export cannot carry {items}; left out (the jsonl export keeps everything)</source>
      <translation>لا يحمل التصدير بصيغة {format} ما يلي: {items}؛ فتُرك (تصدير jsonl يحفظ كل شيء)</translation>
    </message>
    <message>
      <source>document {id} holds annotations of {names}; import one annotator's work at a time</source>
      <translation>الوثيقة {id} تحوي تعليقات {names}؛ استورد عمل معلّق واحد في كل مرة</translation>
    </message>
    <message>
      <source>document {id} is also in {other}</source>
      <translation>الوثيقة {id} موجودة أيضًا في {other}</translation>
    </message>
    <message>
      <source>document {id} is also in {source}; the documents of a project need different ids</source>
      <translation>الوثيقة {id} موجودة أيضًا في {source}؛ يجب أن تختلف معرّفات وثائق المشروع</translation>
    </message>
    <message>
      <source>document {id} is not assigned to {name}; imported all the same</source>
      <translation>الوثيقة {id} غير مسندة إلى {name}؛ استُوردت مع ذلك</translation>
    </message>
    <message>
      <source>document {id} is not in the project (no texts/{id}.tei.xml)</source>
      <translation>الوثيقة {id} ليست في المشروع (لا يوجد ⁨texts/{id}.tei.xml⁩)</translation>
    </message>
    <message>
      <source>document {id} was already imported from {source}; same content, written once</source>
      <translation>استُوردت الوثيقة {id} من قبل من {source}؛ المحتوى نفسه، فكُتبت مرة واحدة</translation>
    </message>
    <message>
      <source>document {id}: nothing to merge</source>
      <translation>الوثيقة {id}: لا شيء للدمج</translation>
    </message>
    <message>
      <source>document {id}: the annotations of {other} become {name}'s</source>
      <translation>الوثيقة {id}: صارت تعليقات {other} تعليقات {name}</translation>
    </message>
    <message>
      <source>document {id}: the text differs from the project's ({length} characters, SHA-256 {sha}…; the project's: {project_length} characters, {project_sha}…)</source>
      <translation>الوثيقة {id}: النص يختلف عن نص المشروع ({length} حرفًا، ⁨SHA-256 {sha}…⁩؛ نص المشروع: {project_length} حرفًا، ⁨{project_sha}…⁩)</translation>
    </message>
    <message>
      <source>document {id}: the {field} holds U+{char}, which XML cannot carry</source>
      <translation>الوثيقة {id}: في {field} المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>document {id}: {count} gold annotation(s) left out (gold is the lead's)</source>
      <translation>الوثيقة {id}: تُركت تعليقات ذهبية عددها {count} (الطبقة الذهبية للمشرف)</translation>
    </message>
    <message>
      <source>document {id}: {name}'s layer already holds other annotations; kept (use --replace to replace them)</source>
      <translation>الوثيقة {id}: طبقة {name} تحوي تعليقات أخرى من قبل؛ أُبقيت (استعمل ⁨--replace⁩ لاستبدالها)</translation>
    </message>
    <message>
      <source>duplicate annotation id {id!r}</source>
      <translation>معرّف تعليق مكرّر {id!r}</translation>
    </message>
    <message>
      <source>empty span [{start}, {end})</source>
      <translation>مدى فارغ ⁨[{start}, {end})⁩</translation>
    </message>
    <message>
      <source>empty token (a tag with no token): line dropped</source>
      <translation>وحدة فارغة (وسم بلا وحدة): أُسقط السطر</translation>
    </message>
    <message>
      <source>empty token (a tag with no token); line skipped (--repair drops such lines)</source>
      <translation>وحدة فارغة (وسم بلا وحدة)؛ تُخُطِّي السطر (⁨--repair⁩ يُسقط هذه الأسطر)</translation>
    </message>
    <message>
      <source>encoding {encoding!r} is not supported: this tool reads {encodings} or {last}</source>
      <translation>الترميز {encoding!r} غير مدعوم: تقرأ هذه الأداة {encodings} أو {last}</translation>
    </message>
    <message>
      <source>entity declarations are not allowed</source>
      <translation>تصريحات الكيانات غير مسموح بها</translation>
    </message>
    <message>
      <source>equivalence (*) lines are not supported; line skipped</source>
      <translation>أسطر التكافؤ ⁨(*)⁩ غير مدعومة؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>event (E) lines are not supported; line skipped</source>
      <translation>أسطر الأحداث ⁨(E)⁩ غير مدعومة؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>fleiss_kappa: needs at least two annotators per unit</source>
      <translation>⁨fleiss_kappa⁩: يلزم مُعلِّقان على الأقل لكل وحدة</translation>
    </message>
    <message>
      <source>fleiss_kappa: row {number} does not have {raters} ratings in {categories} categories</source>
      <translation>⁨fleiss_kappa⁩: الصف {number} لا يحوي {raters} تقديرات موزعة على {categories} فئات</translation>
    </message>
    <message>
      <source>git is not installed (or not on PATH): install it from https://git-scm.com, then try again</source>
      <translation>git غير مثبّت (أو ليس في PATH): ثبّته من ⁨https://git-scm.com⁩ ثم أعد المحاولة</translation>
    </message>
    <message>
      <source>git {command} failed: {detail}</source>
      <translation>فشل الأمر ⁨git {command}⁩: {detail}</translation>
    </message>
    <message>
      <source>give either files of one document or folders, not both</source>
      <translation>أعطِ إما ملفات وثيقة واحدة وإما مجلدات، لا الاثنين</translation>
    </message>
    <message>
      <source>gold span [{start}, {end}) is not inside the text</source>
      <translation>المدى الذهبي ⁨[{start}, {end})⁩ ليس داخل النص</translation>
    </message>
    <message>
      <source>holds no document</source>
      <translation>لا يحوي أي وثيقة</translation>
    </message>
    <message>
      <source>--map: {item!r} is not OLD=NEW (labels, comma-separated: PERS=PER,ORGANIZATION=ORG)</source>
      <translation>⁨--map⁩: ⁨{item!r}⁩ ليس على صورة قديم=جديد (تسميات تفصل بينها فواصل: ⁨PERS=PER,ORGANIZATION=ORG⁩)</translation>
    </message>
    <message>
      <source>the spacy format needs spaCy: pip install 'arabic-news-annotator[spacy]'</source>
      <translation>صيغة spacy تحتاج إلى spaCy: ⁨pip install 'arabic-news-annotator[spacy]'⁩</translation>
    </message>
    <message>
      <source>id {id!r} cannot serve as an annotation id; line skipped</source>
      <translation>لا يصلح {id!r} معرّفًا لتعليق؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>id {id} defined twice; line skipped</source>
      <translation>المعرّف {id} معرَّف مرتين؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>is a folder, not a file</source>
      <translation>هذا مجلد، لا ملف</translation>
    </message>
    <message>
      <source>is a folder; give a file name for JSONL output</source>
      <translation>هذا مجلد؛ أعطِ اسم ملف لمخرجات JSONL</translation>
    </message>
    <message>
      <source>is not a regular file</source>
      <translation>ليس ملفًا عاديًّا</translation>
    </message>
    <message>
      <source>krippendorff_alpha: rows of different lengths</source>
      <translation>⁨krippendorff_alpha⁩: صفوف بأطوال مختلفة</translation>
    </message>
    <message>
      <source>label {label}: 'name' must be a non-empty word</source>
      <translation>الوسم {label}: يجب أن يكون ⁨'name'⁩ كلمة غير فارغة</translation>
    </message>
    <message>
      <source>label {label}: attributes must be tables</source>
      <translation>الوسم {label}: يجب أن تكون السمات جداول</translation>
    </message>
    <message>
      <source>label {label}: colour {color!r} is not #rrggbb</source>
      <translation>الوسم {label}: اللون {color!r} ليس بالصيغة ⁨#rrggbb⁩</translation>
    </message>
    <message>
      <source>label {label}: default {default!r} is not an allowed value</source>
      <translation>الوسم {label}: القيمة الافتراضية {default!r} ليست من القيم المسموح بها</translation>
    </message>
    <message>
      <source>label {label}: defined twice</source>
      <translation>الوسم {label}: معرَّف مرتين</translation>
    </message>
    <message>
      <source>label {label}: link {role!r} names unknown labels {missing}</source>
      <translation>الوسم {label}: الربط {role!r} يسمّي وسومًا مجهولة: {missing}</translation>
    </message>
    <message>
      <source>label {label}: links must be tables</source>
      <translation>الوسم {label}: يجب أن تكون الروابط جداول</translation>
    </message>
    <message>
      <source>label {label}: shortcut {shortcut!r} already used by {other}</source>
      <translation>الوسم {label}: الاختصار {shortcut!r} مستعمل من قبل للوسم {other}</translation>
    </message>
    <message>
      <source>label {label}: value_names must be a table</source>
      <translation>الوسم {label}: يجب أن يكون ⁨value_names⁩ جدولًا</translation>
    </message>
    <message>
      <source>label {label}: value_names names {value!r}, not an allowed value</source>
      <translation>الوسم {label}: يسمّي ⁨value_names⁩ القيمة {value!r} وهي ليست من القيم المسموح بها</translation>
    </message>
    <message>
      <source>label {label}: value_names.{value} must be a table of en/ar</source>
      <translation>الوسم {label}: يجب أن يكون ⁨value_names.{value}⁩ جدولًا بالمفتاحين ⁨en/ar⁩</translation>
    </message>
    <message>
      <source>label {label}: {key!r} must be a list of strings</source>
      <translation>الوسم {label}: يجب أن يكون {key!r} قائمة سلاسل نصية</translation>
    </message>
    <message>
      <source>label {label}: {key!r} must be a string</source>
      <translation>الوسم {label}: يجب أن يكون {key!r} سلسلة نصية</translation>
    </message>
    <message>
      <source>label {number} is not a table</source>
      <translation>الوسم {number} ليس جدولًا</translation>
    </message>
    <message>
      <source>label {number} of the list holds U+{char}, which XML cannot carry</source>
      <translation>في الوسم {number} من القائمة المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>labels not in tag set {name!r}: {labels}</source>
      <translation>وسوم ليست في مجموعة الوسوم {name!r}: {labels}</translation>
    </message>
    <message>
      <source>layer {layer!r} must be one word</source>
      <translation>يجب أن تكون الطبقة {layer!r} كلمة واحدة</translation>
    </message>
    <message>
      <source>line holds U+{char}, which XML cannot carry; line skipped (--replace-invalid replaces it with U+FFFD)</source>
      <translation>في السطر المحرف ⁨U+{char}⁩ الذي لا يحمله XML؛ تُخُطِّي السطر (⁨--replace-invalid⁩ يبدّله بـ⁨U+FFFD⁩)</translation>
    </message>
    <message>
      <source>line holds a character XML cannot carry; line skipped (--replace-invalid replaces it with U+FFFD)</source>
      <translation>في السطر محرف لا يحمله XML؛ تُخُطِّي السطر (⁨--replace-invalid⁩ يبدّله بـ⁨U+FFFD⁩)</translation>
    </message>
    <message>
      <source>merge needs at least two files</source>
      <translation>يحتاج الدمج ملفين على الأقل</translation>
    </message>
    <message>
      <source>merge needs at least two folders</source>
      <translation>يحتاج الدمج مجلدين على الأقل</translation>
    </message>
    <message>
      <source>must be a folder, but it is a file</source>
      <translation>يجب أن يكون مجلدًا، لكنه ملف</translation>
    </message>
    <message>
      <source>needs at least one [[labels]] table</source>
      <translation>يلزم جدول ⁨[[labels]]⁩ واحد على الأقل</translation>
    </message>
    <message>
      <source>ner_tag {number} holds U+{char}, which XML cannot carry</source>
      <translation>في الوسم ⁨ner_tag⁩ رقم {number} المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>ner_tag {tag} (token {number}) is not in the label list of {count} tags</source>
      <translation>الوسم ⁨ner_tag⁩ {tag} (الوحدة {number}) ليس في قائمة الوسوم، وفيها {count} وسمًا</translation>
    </message>
    <message>
      <source>ner_tags are numbers but there is no label list {name} beside the file</source>
      <translation>قيم ⁨ner_tags⁩ أعداد لكن لا قائمة وسوم {name} بجانب الملف</translation>
    </message>
    <message>
      <source>no "text"</source>
      <translation>لا ⁨"text"⁩</translation>
    </message>
    <message>
      <source>no "text": Hugging Face token rows need --format hf</source>
      <translation>لا ⁨"text"⁩: صفوف وحدات Hugging Face تحتاج ⁨--format hf⁩</translation>
    </message>
    <message>
      <source>no .ann file: read without annotations</source>
      <translation>لا ملف ⁨.ann⁩: قُرئ بلا تعليقات</translation>
    </message>
    <message>
      <source>no &lt;div xml:id="{id}"&gt; holding the text: not a file of this tool</source>
      <translation>لا عنصر ⁨&lt;div xml:id="{id}"&gt;⁩ يحوي النص: ليس ملفًا من ملفات هذه الأداة</translation>
    </message>
    <message>
      <source>no TEI files found (*.xml)</source>
      <translation>لم يوجد أي ملف TEI ⁨(*.xml)⁩</translation>
    </message>
    <message>
      <source>no annotation with id {id!r}</source>
      <translation>لا تعليق بالمعرّف {id!r}</translation>
    </message>
    <message>
      <source>no documents to put in the project</source>
      <translation>لا وثائق لوضعها في المشروع</translation>
    </message>
    <message>
      <source>no file to save to: give a path</source>
      <translation>لا ملف للحفظ فيه: أعطِ مسارًا</translation>
    </message>
    <message>
      <source>no files to import (known endings: {endings})</source>
      <translation>لا ملفات للاستيراد (اللواحق المعروفة: {endings})</translation>
    </message>
    <message>
      <source>not a CRF model folder ({reason}); train one with 'annotator train'</source>
      <translation>ليس مجلد نموذج CRF ‏({reason})؛ درِّب نموذجًا بالأمر ⁨'annotator train'⁩</translation>
    </message>
    <message>
      <source>no entity annotations to learn from in the {layer} layer of the {count} document(s) read</source>
      <translation>لا توسيمات كيانات يُتعلَّم منها في طبقة {layer} من المستندات المقروءة ({count})</translation>
    </message>
    <message>
      <source>--folds must be 0 (no cross-validation) or at least 2, not {folds}</source>
      <translation>يجب أن تكون قيمة ⁨--folds⁩ صفرًا (بلا تحقق متقاطع) أو 2 فأكثر، لا {folds}</translation>
    </message>
    <message>
      <source>--iterations must be at least 1, not {iterations}</source>
      <translation>يجب أن تكون قيمة ⁨--iterations⁩ واحدًا على الأقل، لا {iterations}</translation>
    </message>
    <message>
      <source>no documents to train on in the sources given</source>
      <translation>لا مستندات للتدريب في المصادر المعطاة</translation>
    </message>
    <message>
      <source>--folds {folds}: cross-validation needs two documents or more, and the sources hold {count}; trained without it</source>
      <translation>⁨--folds {folds}⁩: يحتاج التحقق المتقاطع إلى مستندين أو أكثر، وفي المصادر {count}؛ فدُرّب النموذج بدونه</translation>
    </message>
    <message>
      <source>no label; line skipped</source>
      <translation>لا وسم؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>no such file</source>
      <translation>لا ملف بهذا الاسم</translation>
    </message>
    <message>
      <source>no such file or folder</source>
      <translation>لا ملف ولا مجلد بهذا الاسم</translation>
    </message>
    <message>
      <source>no tab after the id; line skipped</source>
      <translation>لا جدولة بعد المعرّف؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>no {txt} beside {ann}</source>
      <translation>لا ملف {txt} بجانب {ann}</translation>
    </message>
    <message>
      <source>normalization (N) lines are not supported; line skipped</source>
      <translation>أسطر التطبيع ⁨(N)⁩ غير مدعومة؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>not UTF-8, UTF-16, Windows-1256 or ISO-8859-6; give the encoding with --encoding NAME</source>
      <translation>ليس بترميز UTF-8 ولا UTF-16 ولا Windows-1256 ولا ISO-8859-6؛ حدّد الترميز بـ⁨--encoding NAME⁩</translation>
    </message>
    <message>
      <source>not a RELAX NG schema: {detail}</source>
      <translation>ليس مخطط RELAX NG: {detail}</translation>
    </message>
    <message>
      <source>not a folder</source>
      <translation>ليس مجلدًا</translation>
    </message>
    <message>
      <source>not a git repository: create the project with 'annotator project init', or get it with 'git clone URL'</source>
      <translation>ليس مستودع git: أنشئ المشروع بالأمر ⁨'annotator project init'⁩، أو احصل عليه بالأمر ⁨'git clone URL'⁩</translation>
    </message>
    <message>
      <source>not a project folder (no project.toml): create one with 'annotator project init'</source>
      <translation>ليس مجلد مشروع (لا يوجد ⁨project.toml⁩): أنشئ مشروعًا بالأمر ⁨'annotator project init'⁩</translation>
    </message>
    <message>
      <source>not on a branch (detached HEAD): go back to the project's branch first (git switch BRANCH)</source>
      <translation>لست على فرع (⁨detached HEAD⁩): عد إلى فرع المشروع أولًا (⁨git switch BRANCH⁩)</translation>
    </message>
    <message>
      <source>not the same document: {first} (id {first_id}, text {first_text}…) and {other} (id {other_id}, text {other_text}…) hold different texts</source>
      <translation>ليست الوثيقة نفسها: {first} (المعرّف {first_id}، النص ⁨{first_text}…⁩) و{other} (المعرّف {other_id}، النص ⁨{other_text}…⁩) يحويان نصين مختلفين</translation>
    </message>
    <message>
      <source>not valid TOML: {detail}</source>
      <translation>ليس TOML صالحًا: {detail}</translation>
    </message>
    <message>
      <source>not valid {encoding} (use --encoding)</source>
      <translation>غير صالح في ترميز {encoding} (استعمل ⁨--encoding⁩)</translation>
    </message>
    <message>
      <source>not valid {encoding}: byte {byte} (use --encoding)</source>
      <translation>غير صالح في ترميز {encoding}: البايت {byte} (استعمل ⁨--encoding⁩)</translation>
    </message>
    <message>
      <source>not well-formed XML: {detail}</source>
      <translation>ليس XML سليم البنية: {detail}</translation>
    </message>
    <message>
      <source>note on unknown annotation {id!r}; line skipped</source>
      <translation>ملاحظة على تعليق مجهول {id!r}؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>note type {type!r} read as AnnotatorNotes</source>
      <translation>قُرئ نوع الملاحظة {type!r} على أنه ⁨AnnotatorNotes⁩</translation>
    </message>
    <message>
      <source>nothing to merge</source>
      <translation>لا شيء للدمج</translation>
    </message>
    <message>
      <source>offsets {offsets!r} are not 'START END' pairs; line skipped</source>
      <translation>الإزاحات {offsets!r} ليست أزواج ⁨'START END'⁩؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>one field, no tag; line skipped (--repair reads the token as O)</source>
      <translation>حقل واحد بلا وسم؛ تُخُطِّي السطر (⁨--repair⁩ يقرأ الوحدة ⁨O⁩)</translation>
    </message>
    <message>
      <source>others kept pushing: {tries} tries to push failed; your work is committed here and nothing is lost: sync again</source>
      <translation>ظل الآخرون يدفعون: فشلت محاولات الدفع وعددها {tries}؛ عملك محفوظ هنا في إيداع ولم يضِع شيء: زامن من جديد</translation>
    </message>
    <message>
      <source>output must be a folder, but this is a file</source>
      <translation>يجب أن يكون المخرج مجلدًا، لكن هذا ملف</translation>
    </message>
    <message>
      <source>project.toml is not valid TOML: {detail}</source>
      <translation>الملف ⁨project.toml⁩ ليس TOML صالحًا: {detail}</translation>
    </message>
    <message>
      <source>project.toml: {key} must be {kind}</source>
      <translation>⁨project.toml⁩: يجب أن يكون {key} {kind}</translation>
    </message>
    <message>
      <source>relation from unknown entity {id!r}</source>
      <translation>علاقة من كيان مجهول {id!r}</translation>
    </message>
    <message>
      <source>relation to unknown annotation {id!r}; line skipped</source>
      <translation>علاقة إلى تعليق مجهول {id!r}؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>replaced 1 character XML cannot carry in the {what} with U+FFFD</source>
      <translation>بُدِّل بـ⁨U+FFFD⁩ محرف واحد لا يحمله XML في {what}</translation>
    </message>
    <message>
      <source>replaced {count} characters XML cannot carry in the {what} with U+FFFD</source>
      <translation>بُدِّلت بـ⁨U+FFFD⁩ محارف لا يحملها XML في {what}، عددها {count}</translation>
    </message>
    <message>
      <source>replaced {count} characters XML cannot carry with U+FFFD</source>
      <translation>بُدِّل بـ⁨U+FFFD⁩ من المحارف التي لا يحملها XML ما عدده {count}</translation>
    </message>
    <message>
      <source>reversed span [{start}, {end})</source>
      <translation>مدى معكوس ⁨[{start}, {end})⁩</translation>
    </message>
    <message>
      <source>save failed, previous file kept: {reason}</source>
      <translation>فشل الحفظ، وبقي الملف السابق كما كان: {reason}</translation>
    </message>
    <message>
      <source>select some text first</source>
      <translation>حدّد نصًّا أولًا</translation>
    </message>
    <message>
      <source>span [{start}, {end}) has an empty label</source>
      <translation>للمدى ⁨[{start}, {end})⁩ وسم فارغ</translation>
    </message>
    <message>
      <source>span [{start}, {end}) is empty or outside the text ({length} characters); line skipped</source>
      <translation>المدى ⁨[{start}, {end})⁩ فارغ أو خارج النص ({length} حرفًا)؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>span [{start}, {end}) is outside the text ({length} characters)</source>
      <translation>المدى ⁨[{start}, {end})⁩ خارج النص ({length} حرفًا)</translation>
    </message>
    <message>
      <source>span [{start}, {end}) says its text is {given!r} but the text there is {found!r} (offsets must be code points)</source>
      <translation>يذكر المدى ⁨[{start}, {end})⁩ أن نصه {given!r} لكن النص هناك {found!r} (تُعدّ الإزاحات بنقاط الترميز)</translation>
    </message>
    <message>
      <source>span attributes must be an object</source>
      <translation>يجب أن تكون سمات المدى كائنًا</translation>
    </message>
    <message>
      <source>span id {id!r} is not a valid XML name or is reserved</source>
      <translation>معرّف المدى {id!r} ليس اسم XML صالحًا أو أنه محجوز</translation>
    </message>
    <message>
      <source>span links must be a list</source>
      <translation>يجب أن تكون روابط المدى قائمة</translation>
    </message>
    <message>
      <source>span without {key!r}</source>
      <translation>مدى بلا {key!r}</translation>
    </message>
    <message>
      <source>span {id} links ({role}) to {target!r}, which is not a span of this line</source>
      <translation>المدى {id} مربوط ({role}) بـ{target!r}، وهو ليس مدى في هذا السطر</translation>
    </message>
    <message>
      <source>tag {tag!r} (token {number}) is not O, B-LABEL or I-LABEL</source>
      <translation>الوسم {tag!r} (الوحدة {number}) ليس ⁨O⁩ ولا ⁨B-LABEL⁩ ولا ⁨I-LABEL⁩</translation>
    </message>
    <message>
      <source>tag {tag!r} is not O, B-LABEL or I-LABEL; line skipped (--repair reads it as the tag it stands for)</source>
      <translation>الوسم {tag!r} ليس ⁨O⁩ ولا ⁨B-LABEL⁩ ولا ⁨I-LABEL⁩؛ تُخُطِّي السطر (⁨--repair⁩ يقرؤه الوسمَ الذي يعنيه)</translation>
    </message>
    <message>
      <source>tag {tag!r} not an IOB2 tag: read as {fixed}</source>
      <translation>الوسم {tag!r} ليس وسم IOB2: قُرئ {fixed}</translation>
    </message>
    <message>
      <source>tag {tag!r} repaired to {fixed}</source>
      <translation>أُصلح الوسم {tag!r} إلى {fixed}</translation>
    </message>
    <message>
      <source>tag {tag} glued to the token {token!r} (a lost line break): read as {count} lines {lines}</source>
      <translation>الوسم {tag} ملتصق بالوحدة {token!r} (فاصل سطر ضائع): قُرئ أسطرًا عددها {count}: {lines}</translation>
    </message>
    <message>
      <source>text {given!r} differs from the characters at its offsets {found!r} (--repair keeps the offsets); line skipped</source>
      <translation>النص {given!r} يختلف عن الحروف عند إزاحاته {found!r} (⁨--repair⁩ يُبقي الإزاحات)؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>text {given!r} differs from the characters at its offsets {found!r}: offsets kept</source>
      <translation>النص {given!r} يختلف عن الحروف عند إزاحاته {found!r}: أُبقيت الإزاحات</translation>
    </message>
    <message>
      <source>the annotation cannot become empty</source>
      <translation>لا يمكن أن يصير التعليق فارغًا</translation>
    </message>
    <message>
      <source>the export format {name!r} is not available yet</source>
      <translation>صيغة التصدير {name!r} غير متاحة بعد</translation>
    </message>
    <message>
      <source>the folder is not empty; a new project needs a new or empty folder</source>
      <translation>المجلد ليس فارغًا؛ يحتاج المشروع الجديد مجلدًا جديدًا أو فارغًا</translation>
    </message>
    <message>
      <source>the header records no SHA-256 of the text</source>
      <translation>لا تسجّل الترويسة بصمة ⁨SHA-256⁩ للنص</translation>
    </message>
    <message>
      <source>the import format {name!r} is not available yet</source>
      <translation>صيغة الاستيراد {name!r} غير متاحة بعد</translation>
    </message>
    <message>
      <source>the label list must be a JSON list of tag names</source>
      <translation>يجب أن تكون قائمة الوسوم قائمة JSON بأسماء الوسوم</translation>
    </message>
    <message>
      <source>the output folder is one of the inputs; choose another</source>
      <translation>مجلد المخرجات أحد المدخلات؛ اختر غيره</translation>
    </message>
    <message>
      <source>the output is one of the inputs; choose another name</source>
      <translation>المخرج أحد المدخلات؛ اختر اسمًا آخر</translation>
    </message>
    <message>
      <source>the project has no documents (texts/ is empty)</source>
      <translation>لا وثائق في المشروع (⁨texts/⁩ فارغ)</translation>
    </message>
    <message>
      <source>the remote {remote} refused the push ({detail}); your work is committed here and nothing is lost: check your access to the remote, then sync again</source>
      <translation>رفض المستودع البعيد {remote} الدفع ({detail})؛ عملك محفوظ هنا في إيداع ولم يضِع شيء: تحقق من صلاحياتك على المستودع البعيد ثم زامن من جديد</translation>
    </message>
    <message>
      <source>the remote's changes conflict with this copy's in {count} file(s) (first: {file}; changed outside annotator?); nothing was merged and your commits are kept: resolve it with git, or ask the lead</source>
      <translation>تتعارض تغييرات المستودع البعيد مع تغييرات هذه النسخة في ملفات عددها {count} (أولها: {file}؛ هل عُدّلت خارج البرنامج؟)؛ لم يُدمج شيء وإيداعاتك باقية: احسم التعارض بـgit أو اسأل المشرف</translation>
    </message>
    <message>
      <source>the root element is not TEI (namespace {namespace})</source>
      <translation>العنصر الجذر ليس TEI (فضاء الأسماء {namespace})</translation>
    </message>
    <message>
      <source>the schema is not well-formed XML: {detail}</source>
      <translation>المخطط ليس XML سليم البنية: {detail}</translation>
    </message>
    <message>
      <source>the text does not match its checksum (header {recorded}…, text {actual}…): it was changed after annotation</source>
      <translation>النص لا يطابق بصمته (الترويسة ⁨{recorded}…⁩، النص ⁨{actual}…⁩): غُيّر بعد التعليق</translation>
    </message>
    <message>
      <source>this is one of the input files; exporting would replace it (choose another output)</source>
      <translation>هذا أحد ملفات الإدخال؛ التصدير يستبدله (اختر مخرجًا آخر)</translation>
    </message>
    <message>
      <source>token {number} holds a character XML cannot carry (--replace-invalid replaces it with U+FFFD)</source>
      <translation>في الوحدة {number} محرف لا يحمله XML (⁨--replace-invalid⁩ يبدّله بـ⁨U+FFFD⁩)</translation>
    </message>
    <message>
      <source>token {number} is not a non-empty string</source>
      <translation>الوحدة {number} ليست سلسلة نصية غير فارغة</translation>
    </message>
    <message>
      <source>token {number} {token!r} holds white space</source>
      <translation>في الوحدة {number} ({token!r}) مسافة بيضاء</translation>
    </message>
    <message>
      <source>token {token!r} has no tag: read as O</source>
      <translation>الوحدة {token!r} بلا وسم: قُرئت ⁨O⁩</translation>
    </message>
    <message>
      <source>token {token!r} holds a space: read as {count} tokens {tokens}</source>
      <translation>في الوحدة {token!r} مسافة: قُرئت وحدات عددها {count}: {tokens}</translation>
    </message>
    <message>
      <source>two spans have the id {id!r}</source>
      <translation>لمديين اثنين المعرّف نفسه {id!r}</translation>
    </message>
    <message>
      <source>unexpected {type} while reading: {detail}</source>
      <translation>خطأ غير متوقَّع {type} أثناء القراءة: {detail}</translation>
    </message>
    <message>
      <source>unitizing alpha needs two observers and a non-empty continuum</source>
      <translation>ألفا التقطيع تحتاج مراقبَين اثنين ومتصلًا غير فارغ</translation>
    </message>
    <message>
      <source>unknown alignment mode {mode!r} (expected one of {modes})</source>
      <translation>نمط محاذاة مجهول {mode!r} (المتوقَّع أحد {modes})</translation>
    </message>
    <message>
      <source>unknown annotation id {id!r} (T, A, M, R or # expected); line skipped</source>
      <translation>معرّف تعليق مجهول {id!r} (المتوقَّع ⁨T, A, M, R⁩ أو ⁨#⁩)؛ تُخُطِّي السطر</translation>
    </message>
    <message>
      <source>unknown encoding {name!r}</source>
      <translation>ترميز مجهول {name!r}</translation>
    </message>
    <message>
      <source>unknown export format {name!r}; choose from {choices}</source>
      <translation>صيغة تصدير مجهولة {name!r}؛ اختر من: {choices}</translation>
    </message>
    <message>
      <source>unknown import format {name!r}; choose from {choices}</source>
      <translation>صيغة استيراد مجهولة {name!r}؛ اختر من: {choices}</translation>
    </message>
    <message>
      <source>unknown proclitics mode {mode!r} (expected {modes})</source>
      <translation>نمط سوابق مجهول {mode!r} (المتوقَّع {modes})</translation>
    </message>
    <message>
      <source>unknown strategy {strategy!r}; use {choices}</source>
      <translation>استراتيجية مجهولة {strategy!r}؛ استعمل: {choices}</translation>
    </message>
    <message>
      <source>xml:id {id!r} names two places in the text: pointers to it would be ambiguous</source>
      <translation>المعرّف ⁨xml:id⁩ {id!r} يسمّي موضعين في النص: المؤشرات إليه ملتبسة</translation>
    </message>
    <message>
      <source>{count} changed file(s) that {name} does not sync were left alone (not committed, not lost): {shown}</source>
      <translation>تُركت ملفات متغيّرة عددها {count} لا يزامنها {name} (لم تُودع ولم تضِع): {shown}</translation>
    </message>
    <message>
      <source>{count} character(s) XML cannot carry replaced with U+FFFD</source>
      <translation>بُدِّلت بـ⁨U+FFFD⁩ محارف لا يحملها XML، عددها {count}</translation>
    </message>
    <message>
      <source>{count} character(s) XML cannot carry replaced with U+FFFD (offsets unchanged)</source>
      <translation>بُدِّلت بـ⁨U+FFFD⁩ محارف لا يحملها XML، عددها {count} (الإزاحات لم تتغيّر)</translation>
    </message>
    <message>
      <source>{count} fields where TOKEN TAG was expected; line skipped (--repair splits it into tokens)</source>
      <translation>{count} حقول حيث يُنتظر ⁨TOKEN TAG⁩؛ تُخُطِّي السطر (⁨--repair⁩ يقسمه وحدات)</translation>
    </message>
    <message>
      <source>{count} file(s) changed here that {name} does not sync (first: {file}) are in the way of changes from the remote; nothing was lost: copy them elsewhere, undo them (git checkout -- FILE), then sync again</source>
      <translation>ملفات عددها {count} تغيّرت هنا ولا يزامنها {name} (أولها: {file}) تعترض تغييرات المستودع البعيد؛ لم يضِع شيء: انسخها إلى مكان آخر وتراجع عنها (⁨git checkout -- FILE⁩) ثم زامن من جديد</translation>
    </message>
    <message>
      <source>{count} merged file(s) already there (a lead may have adjudicated them); kept, nothing written: use --overwrite to replace them</source>
      <translation>ملفات مدمجة موجودة من قبل عددها {count} (ربما حكّم فيها مشرف)؛ أُبقيت ولم يُكتب شيء: استعمل ⁨--overwrite⁩ لاستبدالها</translation>
    </message>
    <message>
      <source>{count} problem(s), nothing written: {shown}</source>
      <translation>مشكلات عددها {count}، ولم يُكتب شيء: {shown}</translation>
    </message>
    <message>
      <source>{count} problem(s), nothing written: {shown} (and {more} more)</source>
      <translation>مشكلات عددها {count}، ولم يُكتب شيء: {shown} (وغيرها {more})</translation>
    </message>
    <message>
      <source>{id} is already a gold annotation</source>
      <translation>{id} تعليق ذهبي من قبل</translation>
    </message>
    <message>
      <source>{id} is an annotator's annotation, not a gold one</source>
      <translation>{id} تعليق لأحد المُعلِّقين، لا تعليق ذهبي</translation>
    </message>
    <message>
      <source>{id} is discontinuous: read as {count} annotations {ids} chained by {role!r} links</source>
      <translation>{id} متقطّع: قُرئ تعليقات عددها {count} ({ids}) موصولة بروابط {role!r}</translation>
    </message>
    <message>
      <source>{id} is {annotator}'s annotation, not a gold one</source>
      <translation>{id} تعليق للمُعلِّق {annotator}، لا تعليق ذهبي</translation>
    </message>
    <message>
      <source>{id} is {owner}'s annotation, and you chose a layer of your own: label the text afresh</source>
      <translation>التعليق {id} من عمل {owner}، وقد اخترت طبقة خاصة بك: علّق على النص من جديد</translation>
    </message>
    <message>
      <source>{id} is not an open suggestion</source>
      <translation>{id} ليس اقتراحًا مفتوحًا</translation>
    </message>
    <message>
      <source>unknown recommender {name!r}; choose from {choices}</source>
      <translation>مقترِح غير معروف {name!r}؛ اختر من {choices}</translation>
    </message>
    <message>
      <source>the {name} recommender needs a model folder: give --model PATH</source>
      <translation>المقترِح {name} يحتاج إلى مجلد نموذج: أعطِ ‎--model PATH</translation>
    </message>
    <message>
      <source>the {name} recommender is not installed</source>
      <translation>المقترِح {name} غير مثبَّت</translation>
    </message>
    <message>
      <source>no document has the {layer} layer to evaluate against</source>
      <translation>لا توجد وثيقة فيها الطبقة {layer} للتقييم مقابلها</translation>
    </message>
    <message>
      <source>another input is written to {target} too; this one is left out</source>
      <translation>مُدخَل آخر يُكتب أيضًا إلى {target}؛ تُرك هذا</translation>
    </message>
    <message>
      <source>the model recommender needs the {extra} extra to read {kind} model folders ({reason}): pip install 'arabic-news-annotator[{extra}]'</source>
      <translation>المقترِح ⁨model⁩ يحتاج إلى الإضافة الاختيارية ⁨{extra}⁩ ليقرأ مجلدات نماذج {kind} (⁨{reason}⁩): ⁨pip install 'arabic-news-annotator[{extra}]'⁩</translation>
    </message>
    <message>
      <source>not a model folder: {reason}</source>
      <translation>ليس مجلد نموذج: {reason}</translation>
    </message>
    <message>
      <source>cannot load the {kind} model in this folder: {reason}</source>
      <translation>تعذّر تحميل نموذج {kind} في هذا المجلد: ⁨{reason}⁩</translation>
    </message>
    <message>
      <source>cannot read the suggestion settings: {detail}</source>
      <translation>تعذّرت قراءة إعدادات الاقتراحات: ⁨{detail}⁩</translation>
    </message>
    <message>
      <source>[model] {key} must be {kind}</source>
      <translation>⁨[model] {key}⁩ يجب أن يكون {kind}</translation>
    </message>
    <message>
      <source>{id} is {owner}'s annotation: correct their layer as your own, or add a layer of your own</source>
      <translation>التعليق {id} من عمل {owner}: صحّح طبقته بوصفها طبقتك، أو أضف طبقة خاصة بك</translation>
    </message>
    <message>
      <source>{id}: {key}={value!r} is not one of {values}</source>
      <translation>{id}: ⁨{key}={value!r}⁩ ليست من القيم {values}</translation>
    </message>
    <message>
      <source>{id}: {label} has no attribute {key!r}</source>
      <translation>{id}: ليس للوسم {label} سمة {key!r}</translation>
    </message>
    <message>
      <source>{id}: {label} has no link {role!r}</source>
      <translation>{id}: ليس للوسم {label} ربط {role!r}</translation>
    </message>
    <message>
      <source>{id}: {role} must be {targets}, not {label} ({target})</source>
      <translation>{id}: يجب أن يكون {role} من {targets}، لا {label} ({target})</translation>
    </message>
    <message>
      <source>{id}: {role} points to missing {target!r}</source>
      <translation>{id}: الربط {role} يشير إلى تعليق غير موجود {target!r}</translation>
    </message>
    <message>
      <source>{key!r} must be a string</source>
      <translation>يجب أن يكون {key!r} سلسلة نصية</translation>
    </message>
    <message>
      <source>{key} holds U+{char}, which XML cannot carry</source>
      <translation>في {key} المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>{label} has no link {role!r}</source>
      <translation>ليس للوسم {label} ربط {role!r}</translation>
    </message>
    <message>
      <source>{message}</source>
      <translation>{message}</translation>
    </message>
    <message>
      <source>{name!r} cannot be an annotator's name: use letters, digits, '.', '-', '_' (at most 64, not starting with '.' or '-', not ending in '.')</source>
      <translation>لا يصلح {name!r} اسمًا لمعلّق: استعمل الحروف والأرقام و⁨'.'⁩ و⁨'-'⁩ و⁨'_'⁩ (64 حرفًا على الأكثر، لا يبدأ بـ⁨'.'⁩ ولا بـ⁨'-'⁩ ولا ينتهي بـ⁨'.'⁩)</translation>
    </message>
    <message>
      <source>{option} holds U+{char}, which XML cannot carry</source>
      <translation>في {option} المحرف ⁨U+{char}⁩ الذي لا يحمله XML</translation>
    </message>
    <message>
      <source>{option}: this is one of the input files; writing it would replace its annotations (choose another name)</source>
      <translation>{option}: هذا أحد ملفات الإدخال؛ الكتابة فيه تستبدل تعليقاته (اختر اسمًا آخر)</translation>
    </message>
    <message>
      <source>{problem} (and {count} more problems)</source>
      <translation>{problem} (ومشكلات أخرى عددها {count})</translation>
    </message>
    <message>
      <source>{tag} does not continue an entity of its type: read as the start of one (written back as B-{label})</source>
      <translation>{tag} لا يكمل كيانًا من نوعه: قُرئ بداية كيان (ويُكتب ⁨B-{label}⁩)</translation>
    </message>
    <message>
      <source>{target} exists and differs (it may hold annotations); kept (use --overwrite to replace it)</source>
      <translation>{target} موجود ومختلف (قد يحوي تعليقات)؛ أُبقي (استعمل ⁨--overwrite⁩ لاستبداله)</translation>
    </message>
    <message>
      <source>{tokens} tokens but {tags} ner_tags</source>
      <translation>عدد الوحدات {tokens} لكن عدد وسوم ⁨ner_tags⁩ هو {tags}</translation>
    </message>
    <message>
      <source>{what} holds U+{char}, which XML cannot carry (line {text_line}, column {text_column} of the {what}); use --replace-invalid to replace such characters with U+FFFD</source>
      <translation>في {what} المحرف ⁨U+{char}⁩ الذي لا يحمله XML (السطر {text_line}، العمود {text_column} من {what})؛ استعمل ⁨--replace-invalid⁩ لتبديل هذه المحارف بـ⁨U+FFFD⁩</translation>
    </message>
    <message>
      <source>{what} holds U+{char}, which XML cannot carry ({count} such characters in all) (line {text_line}, column {text_column} of the {what}); use --replace-invalid to replace such characters with U+FFFD</source>
      <translation>في {what} المحرف ⁨U+{char}⁩ الذي لا يحمله XML (وفيه {count} محرفًا كهذا في المجموع) (السطر {text_line}، العمود {text_column} من {what})؛ استعمل ⁨--replace-invalid⁩ لتبديل هذه المحارف بـ⁨U+FFFD⁩</translation>
    </message>
    <message>
      <source>{what} holds U+{char}, which XML cannot carry ({count} such characters in all); use --replace-invalid to replace such characters with U+FFFD</source>
      <translation>في {what} المحرف ⁨U+{char}⁩ الذي لا يحمله XML (وفيه {count} محرفًا كهذا في المجموع)؛ استعمل ⁨--replace-invalid⁩ لتبديل هذه المحارف بـ⁨U+FFFD⁩</translation>
    </message>
    <message>
      <source>{what} holds U+{char}, which XML cannot carry; use --replace-invalid to replace such characters with U+FFFD</source>
      <translation>في {what} المحرف ⁨U+{char}⁩ الذي لا يحمله XML؛ استعمل ⁨--replace-invalid⁩ لتبديل هذه المحارف بـ⁨U+FFFD⁩</translation>
    </message>
    <message>
      <source>{what} must be a string, not {type}</source>
      <translation>يجب أن يكون {what} سلسلة نصية، لا {type}</translation>
    </message>
    <message>
      <source>{what} must be an integer, not {type}</source>
      <translation>يجب أن يكون {what} عددًا صحيحًا، لا {type}</translation>
    </message>
    <message>
      <source>{what} must be an integer, not {value}</source>
      <translation>يجب أن يكون {what} عددًا صحيحًا، لا {value}</translation>
    </message>
    <message>
      <source>{what} {position} is outside the text [0, {length}]</source>
      <translation>{what} {position} خارج النص ⁨[0, {length}]⁩</translation>
    </message>
  </context>
  <context>
    <name>FileWatch</name>
    <message>
      <source>File changed on disk</source>
      <translation>تغيّر الملف على القرص</translation>
    </message>
    <message>
      <source>Keep Mine</source>
      <translation>أبقِ نسختي</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>اكتب فوقه</translation>
    </message>
    <message>
      <source>Overwrite it with your version, save yours under another name, or cancel?</source>
      <translation>هل تكتب نسختك فوقه، أم تحفظها باسم آخر، أم تلغي؟</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>أعد التحميل</translation>
    </message>
    <message>
      <source>Reload it and lose your unsaved changes, or keep your version?</source>
      <translation>هل تعيد تحميله فتفقد تغييراتك غير المحفوظة، أم تبقي نسختك؟</translation>
    </message>
    <message>
      <source>Reload it?</source>
      <translation>هل تعيد تحميله؟</translation>
    </message>
    <message>
      <source>Save As…</source>
      <translation>احفظ باسم…</translation>
    </message>
    <message>
      <source>“%1” was changed by another program since you opened it.</source>
      <translation>غيّر برنامج آخر «%1» منذ أن فتحته.</translation>
    </message>
    <message>
      <source>“%1” was changed by another program.</source>
      <translation>غيّر برنامج آخر «%1».</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>Filter actions…</source>
      <translation>رشّح الإجراءات…</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>القائمة</translation>
    </message>
    <message>
      <source>Select text and press a label's key to annotate it (snapped to whole words when Snap to Words is on; hold Alt for the exact selection). Click a highlight or a list row to make it current; the inspector edits it, and a label's key relabels it while its text is selected.</source>
      <translation>حدّد نصًّا واضغط مفتاح الوسم لتعليقه (يُضبط على كلمات كاملة حين يكون «الضبط على الكلمات» مفعّلًا؛ اضغط Alt مع المفتاح للتحديد كما هو). انقر تظليلًا أو صفًّا في القائمة ليصير هو الحالي؛ يحرّره المُعاين، ويغيّر مفتاحُ وسمٍ وسمَه ما دام نصّه محدّدًا.</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>الاختصار</translation>
    </message>
  </context>
  <context>
    <name>Inspector</name>
    <message>
      <source>%s of: «%s» (%s)</source>
      <translation>%s لـ: «%s» (%s)</translation>
    </message>
    <message>
      <source>&amp;Label</source>
      <translation>ال&amp;وسم</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;ملاحظة</translation>
    </message>
    <message>
      <source>&amp;Span</source>
      <translation>ال&amp;مدى</translation>
    </message>
    <message>
      <source>Delete annotation</source>
      <translation>احذف التعليق</translation>
    </message>
    <message>
      <source>Go</source>
      <translation>اذهب</translation>
    </message>
    <message>
      <source>Go to the other end of this link</source>
      <translation>اذهب إلى الطرف الآخر من هذا الربط</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>الروابط</translation>
    </message>
    <message>
      <source>Remove this link</source>
      <translation>أزل هذا الربط</translation>
    </message>
    <message>
      <source>Select a highlight or a row of the list.</source>
      <translation>اختر تظليلًا أو صفًّا من القائمة.</translation>
    </message>
    <message>
      <source>Set %s…</source>
      <translation>عيّن %s…</translation>
    </message>
    <message>
      <source>Then click the highlight or list row of the %s (Esc cancels)</source>
      <translation>ثم انقر تظليل %s أو صفّه في القائمة (Esc للإلغاء)</translation>
    </message>
    <message>
      <source>%1 move the start, %2 the end by a character; with %3 by a word</source>
      <translation>%1 تحرّك البداية، و%2 النهاية، حرفًا حرفًا؛ ومع %3 كلمةً كلمة</translation>
    </message>
    <message>
      <source>by %s</source>
      <translation>بواسطة %s</translation>
    </message>
    <message>
      <source>free note</source>
      <translation>ملاحظة حرّة</translation>
    </message>
    <message>
      <source>layer %s</source>
      <translation>الطبقة %s</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Opened document %1 of %2 in this file (%3)</source>
      <translation>فُتحت الوثيقة %1 من %2 في هذا الملف (%3)</translation>
    </message>
    <message>
      <source>%s (example, read-only)</source>
      <translation>%s (مثال، للقراءة فقط)</translation>
    </message>
    <message>
      <source>%s is inside the installed program; save your work elsewhere.</source>
      <translation>يقع %s داخل البرنامج المثبَّت؛ احفظ عملك في مكان آخر.</translation>
    </message>
    <message>
      <source>Another annotator's work</source>
      <translation>عمل معلِّق آخر</translation>
    </message>
    <message>
      <source>These annotations are %s's. Correct their layer as your own (a copy that records where each annotation came from), or add a layer of your own and leave theirs as it is?</source>
      <translation>هذه التعليقات من عمل %s. أتصحّح طبقته بوصفها طبقتك (نسخة تحفظ مصدر كل تعليق)، أم تضيف طبقة خاصة بك وتترك طبقته كما هي؟</translation>
    </message>
    <message>
      <source>&amp;Correct as My Own</source>
      <translation>&amp;صحّحها بوصفها طبقتي</translation>
    </message>
    <message>
      <source>Add &amp;My Own Layer</source>
      <translation>أضف &amp;طبقتي الخاصة</translation>
    </message>
    <message>
      <source>%d characters, %d annotations</source>
      <translation>%d حرفًا، %d تعليقًا</translation>
    </message>
    <message>
      <source>%d–%d</source>
      <translation>%d–%d</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>&amp;حول</translation>
    </message>
    <message>
      <source>&amp;Annotate</source>
      <translation>&amp;تعليق</translation>
    </message>
    <message>
      <source>&amp;Boundaries</source>
      <translation>ال&amp;حدود</translation>
    </message>
    <message>
      <source>&amp;Delete Annotation</source>
      <translation>ا&amp;حذف التعليق</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <source>&amp;Filter the List</source>
      <translation>&amp;رشّح القائمة</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>م&amp;ساعدة</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>&amp;Link Current Annotation…</source>
      <translation>ا&amp;ربط التعليق الحالي…</translation>
    </message>
    <message>
      <source>&amp;Next File</source>
      <translation>الملف ال&amp;تالي</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>ا&amp;فتح…</translation>
    </message>
    <message>
      <source>&amp;Previous File</source>
      <translation>الملف ال&amp;سابق</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>ا&amp;خرج</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>أ&amp;عد</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>اح&amp;فظ</translation>
    </message>
    <message>
      <source>&amp;Snap to Words</source>
      <translation>ال&amp;ضبط على الكلمات</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>ترا&amp;جع</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <source>About</source>
      <translation>حول</translation>
    </message>
    <message>
      <source>All labels</source>
      <translation>كل الوسوم</translation>
    </message>
    <message>
      <source>Already labelled %s: %s</source>
      <translation>موسوم من قبل بـ%s: %s</translation>
    </message>
    <message>
      <source>Annotation files (*.tei.xml *.xml *.txt *.jsonl);;All files (*)</source>
      <translation>ملفات التعليق (*.tei.xml *.xml *.txt *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>التعليقات</translation>
    </message>
    <message>
      <source>Cancel &amp;Linking</source>
      <translation>أل&amp;غِ الربط</translation>
    </message>
    <message>
      <source>Leave Out or Put Back &amp;Proclitics</source>
      <translation>أسقِط السوابق المتصلة أو أ&amp;عِدها</translation>
    </message>
    <message>
      <source>Leave out or put back the attached %1 at the start of the selection or of the current annotation</source>
      <translation>أسقِط أو أعِد %1 المتصلة بأول التحديد أو بأول التوسيم الحالي</translation>
    </message>
    <message>
      <source>No attached proclitic to leave out or put back.</source>
      <translation>لا سابقة متصلة تُسقَط أو تُعاد.</translation>
    </message>
    <message>
      <source>Cannot open</source>
      <translation>تعذّر الفتح</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>تعذّر الحفظ</translation>
    </message>
    <message>
      <source>Click the %s (a highlight or a list row; Esc cancels)</source>
      <translation>انقر %s (تظليلًا أو صفًّا في القائمة؛ Esc للإلغاء)</translation>
    </message>
    <message>
      <source>Colour by &amp;Annotator</source>
      <translation>لوّن حسب ال&amp;مُعلِّق</translation>
    </message>
    <message>
      <source>Entities, quotes and claims in Arabic news, saved as TEI P5 standoff annotation.</source>
      <translation>الكيانات والاقتباسات والادعاءات في الأخبار العربية، محفوظة تعليقًا منفصلًا بصيغة TEI P5.</translation>
    </message>
    <message>
      <source>Esc cancels</source>
      <translation>Esc للإلغاء</translation>
    </message>
    <message>
      <source>Filter…</source>
      <translation>رشّح…</translation>
    </message>
    <message>
      <source>Go to &amp;Inspector</source>
      <translation>اذهب إلى ال&amp;مُعاين</translation>
    </message>
    <message>
      <source>Go to &amp;Text</source>
      <translation>اذهب إلى ال&amp;نص</translation>
    </message>
    <message>
      <source>Go to Annotation &amp;List</source>
      <translation>اذهب إلى &amp;قائمة التعليقات</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>المُعاين</translation>
    </message>
    <message>
      <source>Label &amp;Exact Selection</source>
      <translation>وسم التحديد كما &amp;هو</translation>
    </message>
    <message>
      <source>Label Exact Selection as %s</source>
      <translation>وسم التحديد كما هو بـ%s</translation>
    </message>
    <message>
      <source>Label as %s</source>
      <translation>وسم بـ%s</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Move end one character earlier</source>
      <translation>حرّك النهاية حرفًا إلى الوراء</translation>
    </message>
    <message>
      <source>Move end one character later</source>
      <translation>حرّك النهاية حرفًا إلى الأمام</translation>
    </message>
    <message>
      <source>Move end one word earlier</source>
      <translation>حرّك النهاية كلمةً إلى الوراء</translation>
    </message>
    <message>
      <source>Move end one word later</source>
      <translation>حرّك النهاية كلمةً إلى الأمام</translation>
    </message>
    <message>
      <source>Move start one character earlier</source>
      <translation>حرّك البداية حرفًا إلى الوراء</translation>
    </message>
    <message>
      <source>Move start one character later</source>
      <translation>حرّك البداية حرفًا إلى الأمام</translation>
    </message>
    <message>
      <source>Move start one word earlier</source>
      <translation>حرّك البداية كلمةً إلى الوراء</translation>
    </message>
    <message>
      <source>Move start one word later</source>
      <translation>حرّك البداية كلمةً إلى الأمام</translation>
    </message>
    <message>
      <source>Ne&amp;xt Annotation</source>
      <translation>التعليق الت&amp;الي</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>فتح</translation>
    </message>
    <message>
      <source>Pick the speaker or claimant of the current annotation</source>
      <translation>اختر قائل التعليق الحالي أو صاحب الادعاء</translation>
    </message>
    <message>
      <source>Pre&amp;vious Annotation</source>
      <translation>التعليق السا&amp;بق</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>احفظ &amp;باسم…</translation>
    </message>
    <message>
      <source>Save as TEI</source>
      <translation>احفظ بصيغة TEI</translation>
    </message>
    <message>
      <source>Saved %s</source>
      <translation>حُفظ %s</translation>
    </message>
    <message>
      <source>Select some text first.</source>
      <translation>حدّد نصًّا أولًا.</translation>
    </message>
    <message>
      <source>Selection %d–%d (%d)</source>
      <translation>التحديد %d–%d (%d)</translation>
    </message>
    <message>
      <source>TEI files (*.tei.xml)</source>
      <translation>ملفات TEI (*.tei.xml)</translation>
    </message>
    <message>
      <source>The annotation cannot become empty.</source>
      <translation>لا يمكن أن يصير التعليق فارغًا.</translation>
    </message>
    <message>
      <source>The annotations have changes that are not saved.</source>
      <translation>في التعليقات تغييرات لم تُحفظ.</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
      <source>Widen or trim a selection to whole words before labelling</source>
      <translation>وسّع التحديد أو قصّه إلى كلمات كاملة قبل الوسم</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>&amp;كبّر</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>&amp;صغّر</translation>
    </message>
  </context>
  <context>
    <name>Occurrences</name>
    <message>
      <source>%1 of %2 selected</source>
      <translation>%1 من %2 محدّدة</translation>
    </message>
    <message>
      <source>Already annotated with this label</source>
      <translation>معلَّق عليه بهذا الوسم من قبل</translation>
    </message>
    <message>
      <source>Annotate All Occurrences</source>
      <translation>علّق على كل المواضع</translation>
    </message>
    <message>
      <source>Check All</source>
      <translation>اختر الكل</translation>
    </message>
    <message>
      <source>Label:</source>
      <translation>الوسم:</translation>
    </message>
    <message>
      <source>Text:</source>
      <translation>النص:</translation>
    </message>
    <message>
      <source>Uncheck All</source>
      <translation>ألغِ اختيار الكل</translation>
    </message>
  </context>
  <context>
    <name>OpenFile</name>
    <message>
      <source>Choose a document</source>
      <translation>اختر وثيقة</translation>
    </message>
    <message>
      <source>Clear Recent Files</source>
      <translation>امسح الملفات الأخيرة</translation>
    </message>
    <message>
      <source>“%1” holds %2 documents. Open which one?</source>
      <translation>في «%1» ‏%2 وثائق. أيّها تفتح؟</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <source> s</source>
      <translation> ث</translation>
    </message>
    <message>
      <source>The window switches to the new language when you press OK</source>
      <translation>تنتقل النافذة إلى اللغة الجديدة حين تضغط «موافق»</translation>
    </message>
    <message>
      <source>A recovery copy is written this long after the last change</source>
      <translation>تُكتب نسخة استرداد بعد هذه المدة من آخر تغيير</translation>
    </message>
    <message>
      <source>Annotating</source>
      <translation>التعليق</translation>
    </message>
    <message>
      <source>Annotator name:</source>
      <translation>اسم المُعلِّق:</translation>
    </message>
    <message>
      <source>Font:</source>
      <translation>الخط:</translation>
    </message>
    <message>
      <source>General</source>
      <translation>عام</translation>
    </message>
    <message>
      <source>Interface language:</source>
      <translation>لغة الواجهة:</translation>
    </message>
    <message>
      <source>Keep every prefix</source>
      <translation>أبقِ كل السوابق</translation>
    </message>
    <message>
      <source>Leave out %1</source>
      <translation>استبعد %1</translation>
    </message>
    <message>
      <source>Leave out %1 and the article %2</source>
      <translation>استبعد %1 وأداة التعريف %2</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <source>Prefixes:</source>
      <translation>السوابق:</translation>
    </message>
    <message>
      <source>Recovery copy after:</source>
      <translation>نسخة الاسترداد بعد:</translation>
    </message>
    <message>
      <source>Size:</source>
      <translation>الحجم:</translation>
    </message>
    <message>
      <source>Snap selections to whole words</source>
      <translation>اضبط التحديد على كلمات كاملة</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>لغة النظام</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>When a selection starts inside a word, which attached prefixes snapping may leave outside the span</source>
      <translation>حين يبدأ التحديد داخل كلمة: أيّ السوابق المتصلة يجوز للضبط أن يتركها خارج المدى</translation>
    </message>
    <message>
      <source>Your name or initials</source>
      <translation>اسمك أو أحرفه الأولى</translation>
    </message>
  </context>
  <context>
    <name>Project</name>
    <message>
      <source>%1 of %2 done, %3 in progress</source>
      <translation>أُنجز %1 من %2، و%3 قيد العمل</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>الوثيقة</translation>
    </message>
    <message>
      <source>Folder: %1</source>
      <translation>المجلد: %1</translation>
    </message>
    <message>
      <source>Mark as Done</source>
      <translation>علّمها منجزة</translation>
    </message>
    <message>
      <source>No folder open (File &gt; Open Folder…)</source>
      <translation>لا مجلد مفتوح (ملف &gt; افتح مجلدًا…)</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>المشروع</translation>
    </message>
    <message>
      <source>Record that you finished this document</source>
      <translation>سجّل أنك أنهيت هذه الوثيقة</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>حدّث</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Tag set: %1 (default)</source>
      <translation>مجموعة الوسوم: %1 (الافتراضية)</translation>
    </message>
    <message>
      <source>Tag set: %1 (from the folder)</source>
      <translation>مجموعة الوسوم: %1 (من المجلد)</translation>
    </message>
    <message>
      <source>done</source>
      <translation>منجزة</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>قيد العمل</translation>
    </message>
    <message>
      <source>not started</source>
      <translation>لم تبدأ</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>تتعذّر قراءتها</translation>
    </message>
  </context>
  <context>
    <name>QDialog</name>
    <message>
      <source>Other</source>
      <translation>أخرى</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>(never saved)</source>
      <translation>(لم تُحفظ قط)</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>تخلَّص منها</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>لاحقًا</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>استرداد العمل غير المحفوظ</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>استرد</translation>
    </message>
    <message>
      <source>The annotator did not close properly. These documents had changes that were not saved:</source>
      <translation>لم يُغلق البرنامج كما ينبغي. في هذه الوثائق تغييرات لم تُحفظ:</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <source>%1 of %2</source>
      <translation>%1 من %2</translation>
    </message>
    <message>
      <source>Close the find bar (Esc)</source>
      <translation>أغلق شريط البحث (Esc)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>بحث:</translation>
    </message>
    <message>
      <source>Ignore tashkeel</source>
      <translation>تجاهل التشكيل</translation>
    </message>
    <message>
      <source>Ignore tatweel</source>
      <translation>تجاهل التطويل</translation>
    </message>
    <message>
      <source>Matches: %1</source>
      <translation>النتائج: %1</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>التالي</translation>
    </message>
    <message>
      <source>Next match (F3, Enter)</source>
      <translation>النتيجة التالية (F3، Enter)</translation>
    </message>
    <message>
      <source>No matches</source>
      <translation>لا نتائج</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>السابق</translation>
    </message>
    <message>
      <source>Previous match (Shift+F3)</source>
      <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
      <source>Search the text</source>
      <translation>ابحث في النص</translation>
    </message>
    <message>
      <source>Treat alef forms as one letter</source>
      <translation>عامِل صور الألف حرفًا واحدًا</translation>
    </message>
    <message>
      <source>Treat alef maqsura as ya</source>
      <translation>عامِل الألف المقصورة ياءً</translation>
    </message>
    <message>
      <source>Treat ta marbuta as ha</source>
      <translation>عامِل التاء المربوطة هاءً</translation>
    </message>
    <message>
      <source>Whole words</source>
      <translation>كلمات كاملة</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Annotator name</source>
      <translation>اسم المُعلِّق</translation>
    </message>
    <message>
      <source>Your name or initials. It is recorded in every annotation you make:</source>
      <translation>اسمك أو أحرفه الأولى. يُسجَّل في كل تعليق تضعه:</translation>
    </message>
  </context>
  <context>
    <name>TeamQueue</name>
    <message>
      <source>%1 of %2 done; %3 shown</source>
      <translation>أُنجز %1 من %2؛ المعروض %3</translation>
    </message>
    <message>
      <source>%1 — you are %2 (lead): every document</source>
      <translation>%1 — أنت %2 (المسؤول): كل الوثائق</translation>
    </message>
    <message>
      <source>%1 — you are %2: your queue</source>
      <translation>%1 — أنت %2: وثائقك</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>التعليقات</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>الوثيقة</translation>
    </message>
    <message>
      <source>Filter by title or id</source>
      <translation>رشّح بالعنوان أو المعرّف</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>مدمجة</translation>
    </message>
    <message>
      <source>No documents are assigned to you.</source>
      <translation>لم تُسنَد إليك أي وثيقة.</translation>
    </message>
    <message>
      <source>Not done</source>
      <translation>غير منجزة</translation>
    </message>
    <message>
      <source>Open Merged</source>
      <translation>افتح المدمجة</translation>
    </message>
    <message>
      <source>Open the merged document to adjudicate it (Ctrl+Shift+J)</source>
      <translation>افتح الوثيقة المدمجة للتحكيم فيها (Ctrl+Shift+J)</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>حدّث</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Synced: %1 file(s) committed; no remote to share with.</source>
      <translation>تمت المزامنة: حُفظ %1 ملف في المستودع؛ لا مستودع بعيد للمشاركة.</translation>
    </message>
    <message>
      <source>Synced: %1 file(s) sent, %2 change(s) from others brought in.</source>
      <translation>تمت المزامنة: أُرسل %1 ملف، وجُلب %2 تغيير من الآخرين.</translation>
    </message>
    <message>
      <source>Synced: already up to date.</source>
      <translation>تمت المزامنة: كل شيء محدَّث.</translation>
    </message>
    <message>
      <source>Team Project</source>
      <translation>مشروع الفريق</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>تتعذّر قراءتها</translation>
    </message>
  </context>
  <context>
    <name>Workflow</name>
    <message>
      <source>Cannot open the project</source>
      <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
      <source>Every other document of your queue is done.</source>
      <translation>أُنجزت كل وثائقك الأخرى.</translation>
    </message>
    <message>
      <source>Merged document opened: press Ctrl+Shift+J to adjudicate.</source>
      <translation>فُتحت الوثيقة المدمجة: اضغط Ctrl+Shift+J للتحكيم.</translation>
    </message>
    <message>
      <source>S&amp;ync Project</source>
      <translation>&amp;زامن المشروع</translation>
    </message>
    <message>
      <source>Send your work to the team and bring in theirs</source>
      <translation>أرسل عملك إلى الفريق واجلب عملهم</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>تجري المزامنة…</translation>
    </message>
    <message>
      <source>%1 annotations added.</source>
      <translation>أُضيف %1 تعليقًا.</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;بحث…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
      <source>Annotate %1 × %2</source>
      <translation>تعليق %1 × %2</translation>
    </message>
    <message>
      <source>Annotate All &amp;Occurrences…</source>
      <translation>علّق على كل ال&amp;مواضع…</translation>
    </message>
    <message>
      <source>Cannot mark as done</source>
      <translation>تعذّر تعليمها منجزة</translation>
    </message>
    <message>
      <source>Cannot open</source>
      <translation>تعذّر الفتح</translation>
    </message>
    <message>
      <source>Cannot restore</source>
      <translation>تعذّر الاسترداد</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation>ابحث عن ال&amp;تالي</translation>
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation>ابحث عن ال&amp;سابق</translation>
    </message>
    <message>
      <source>Give every occurrence of the selected text the same label</source>
      <translation>أعطِ كل مواضع النص المحدّد الوسمَ نفسه</translation>
    </message>
    <message>
      <source>Mark Document as &amp;Done</source>
      <translation>علّم الوثيقة &amp;منجزة</translation>
    </message>
    <message>
      <source>Marked as done.</source>
      <translation>عُلّمت منجزة.</translation>
    </message>
    <message>
      <source>Open &amp;Folder…</source>
      <translation>افتح م&amp;جلدًا…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>افتح &amp;حديثًا</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>افتح مجلدًا</translation>
    </message>
    <message>
      <source>Open a folder of documents as a project</source>
      <translation>افتح مجلد وثائق بوصفه مشروعًا</translation>
    </message>
    <message>
      <source>Opened document %1 of %2 in this file (%3)</source>
      <translation>فُتحت الوثيقة %1 من %2 في هذا الملف (%3)</translation>
    </message>
    <message>
      <source>Record that you finished annotating this document</source>
      <translation>سجّل أنك أنهيت التعليق على هذه الوثيقة</translation>
    </message>
    <message>
      <source>Recovery copy not written: %1</source>
      <translation>لم تُكتب نسخة الاسترداد: %1</translation>
    </message>
    <message>
      <source>Restored unsaved work from %1</source>
      <translation>استُرد العمل غير المحفوظ من %1</translation>
    </message>
    <message>
      <source>Select some text or an annotation first.</source>
      <translation>حدّد نصًّا أو تعليقًا أولًا.</translation>
    </message>
  </context>
  <context>
    <name>LinkBanner</name>
    <message>
      <source>Click the speaker of this quote</source>
      <translation>انقر على المتحدث صاحب هذا الاقتباس</translation>
    </message>
    <message>
      <source>Click the claimant of this claim</source>
      <translation>انقر على صاحب هذا الادعاء</translation>
    </message>
    <message>
      <source>Click the %1 of this annotation</source>
      <translation>انقر على %1 لهذا التعليق</translation>
    </message>
    <message>
      <source>%1 or %2</source>
      <translation>%1 أو %2</translation>
    </message>
    <message>
      <source>%1 to cancel</source>
      <translation>%1 للإلغاء</translation>
    </message>
    <message>
      <source>Stop linking (Esc)</source>
      <translation>أوقف الربط (Esc)</translation>
    </message>
  </context>
  <context>
    <name>ViewOptions</name>
    <message>
      <source>Show &amp;Label Names</source>
      <translation>أظهر أسماء ال&amp;وسوم</translation>
    </message>
    <message>
      <source>Write each span's label above it</source>
      <translation>اكتب وسم كل مقطع فوقه</translation>
    </message>
    <message>
      <source>Show All &amp;Links</source>
      <translation>أظهر كل ال&amp;روابط</translation>
    </message>
    <message>
      <source>Draw every link on screen, not only those of the current annotation</source>
      <translation>ارسم كل رابط ظاهر على الشاشة، لا روابط التعليق الحالي وحده</translation>
    </message>
  </context>
  <context>
    <name>Concordance</name>
    <message>
      <source>Document</source>
      <translation>الوثيقة</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>قبلها</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>الكلمة</translation>
    </message>
    <message>
      <source>After</source>
      <translation>بعدها</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Concordance</source>
      <translation>الكشاف السياقي</translation>
    </message>
    <message>
      <source>Inconsistencies</source>
      <translation>مواضع عدم الاتساق</translation>
    </message>
    <message>
      <source>Word to look for in every document…</source>
      <translation>كلمة للبحث عنها في كل الوثائق…</translation>
    </message>
    <message>
      <source>In the text</source>
      <translation>في النص</translation>
    </message>
    <message>
      <source>In annotations</source>
      <translation>في التعليقات</translation>
    </message>
    <message>
      <source>All labels</source>
      <translation>كل الوسوم</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>ابحث</translation>
    </message>
    <message>
      <source>Choose Folder…</source>
      <translation>اختر مجلدًا…</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>افحص</translation>
    </message>
    <message>
      <source>Names labelled differently in different places, or labelled in some places and not in others.</source>
      <translation>أسماء وُسمت بوسوم مختلفة في مواضع مختلفة، أو وُسمت في مواضع وتُركت في أخرى.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>المشكلة</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Unlabelled</source>
      <translation>بلا وسم</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>الإصلاح</translation>
    </message>
    <message>
      <source>%1 hit(s)</source>
      <translation>%1 نتيجة</translation>
    </message>
    <message>
      <source>labelled differently</source>
      <translation>وُسم بوسوم مختلفة</translation>
    </message>
    <message>
      <source>not labelled everywhere</source>
      <translation>لم يوسم في كل المواضع</translation>
    </message>
    <message>
      <source>%1 name(s) to check.</source>
      <translation>%1 اسم للمراجعة.</translation>
    </message>
    <message>
      <source>Relabel all as %1</source>
      <translation>أعد وسم الكل %1</translation>
    </message>
    <message>
      <source>Label the rest as %1</source>
      <translation>اوسم الباقي %1</translation>
    </message>
    <message>
      <source>&amp;Concordance…</source>
      <translation>ال&amp;كشاف السياقي…</translation>
    </message>
    <message>
      <source>Find a word in every document of the project, with its context</source>
      <translation>ابحث عن كلمة في كل وثائق المشروع مع سياقها</translation>
    </message>
    <message>
      <source>Find &amp;Inconsistencies…</source>
      <translation>ابحث عن &amp;عدم الاتساق…</translation>
    </message>
    <message>
      <source>Names labelled differently across the project, with a fix for each</source>
      <translation>أسماء وُسمت بوسوم مختلفة في المشروع، مع إصلاح لكل منها</translation>
    </message>
    <message>
      <source>No folder: open a document or a project first.</source>
      <translation>لا مجلد: افتح وثيقة أو مشروعًا أولًا.</translation>
    </message>
    <message>
      <source>Choose the Folder to Search</source>
      <translation>اختر المجلد الذي تبحث فيه</translation>
    </message>
    <message>
      <source>Searching the corpus…</source>
      <translation>جارٍ البحث في الملفات…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Reading the corpus was cancelled.</source>
      <translation>أُلغيت قراءة الملفات.</translation>
    </message>
    <message>
      <source>%1 file(s) could not be read, for example: %2</source>
      <translation>تعذّرت قراءة %1 ملف، منها: %2</translation>
    </message>
    <message>
      <source>Every name is labelled consistently.</source>
      <translation>كل اسم موسوم باتساق.</translation>
    </message>
    <message>
      <source>Fix %1</source>
      <translation>أصلح %1</translation>
    </message>
    <message>
      <source>%1 change(s) made.</source>
      <translation>أُجري %1 تغيير.</translation>
    </message>
    <message>
      <source>Some files were not changed</source>
      <translation>لم تُغيَّر بعض الملفات</translation>
    </message>
  </context>
  <context>
    <name>Model</name>
    <message>
      <source>CRF Model</source>
      <translation>نموذج ⁨CRF⁩</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Precision</source>
      <translation>الدقة</translation>
    </message>
    <message>
      <source>Recall</source>
      <translation>الاستدعاء</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>⁨F1⁩</translation>
    </message>
    <message>
      <source>Support</source>
      <translation>العدد</translation>
    </message>
    <message>
      <source>Cancel Training</source>
      <translation>ألغِ التدريب</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>أغلق</translation>
    </message>
    <message>
      <source>All labels (micro)</source>
      <translation>كل الوسوم (متوسط جزئي)</translation>
    </message>
    <message>
      <source>Retrain…</source>
      <translation>أعد التدريب…</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>درّب</translation>
    </message>
    <message>
      <source>This project has no trained model yet. Train learns one from the project's documents: their gold annotations, or the annotators' where a document has no gold.</source>
      <translation>لا نموذج مدرَّبًا في هذا المشروع بعد. «درّب» يتعلّم نموذجًا من مستندات المشروع: من تعليقاتها الذهبية، أو من تعليقات المُعلِّقين حيث لا معيار ذهبيًّا للمستند.</translation>
    </message>
    <message>
      <source>Trained %1 on %2 annotated documents (%3 tokens, %4 entities).</source>
      <translation>دُرّب في %1 على %2 من المستندات المعلَّق عليها (%3 وحدة، %4 كيانًا).</translation>
    </message>
    <message>
      <source>Its word clusters also read the text of %1 unannotated documents.</source>
      <translation>وقرأت عناقيد كلماته أيضًا نص %1 من المستندات غير المعلَّق عليها.</translation>
    </message>
    <message>
      <source>Folder: %1</source>
      <translation>المجلد: %1</translation>
    </message>
    <message>
      <source>Not cross-validated: that needs at least two annotated documents (with the command line: --folds).</source>
      <translation>بلا تحقق متقاطع: يحتاج إلى مستندين معلَّق عليهما على الأقل (وفي سطر الأوامر: ⁨--folds⁩).</translation>
    </message>
    <message>
      <source>Cross-validated on %1 folds: the documents of each fold scored by a model trained on the others.</source>
      <translation>بتحقق متقاطع على %1 أجزاء: مستندات كل جزء يقيّمها نموذج دُرّب على الأجزاء الأخرى.</translation>
    </message>
    <message>
      <source>Cross-validated: the documents of each fold scored by a model trained on the others.</source>
      <translation>بتحقق متقاطع: مستندات كل جزء يقيّمها نموذج دُرّب على الأجزاء الأخرى.</translation>
    </message>
    <message>
      <source>An entity counts as found when its start, end and label are right; support: the entities of the scored documents.</source>
      <translation>يُعدّ الكيان صحيحًا حين تصحّ بدايته ونهايته ووسمه؛ العدد: كيانات المستندات المقيَّمة.</translation>
    </message>
    <message>
      <source>&amp;Train Model…</source>
      <translation>&amp;درّب النموذج…</translation>
    </message>
    <message>
      <source>CRF &amp;Model…</source>
      <translation>&amp;نموذج ⁨CRF⁩…</translation>
    </message>
    <message>
      <source>Open a project folder or a document of it first.</source>
      <translation>افتح مجلد مشروع أو أحد مستنداته أولًا.</translation>
    </message>
    <message>
      <source>Reading the project…</source>
      <translation>قراءة المشروع…</translation>
    </message>
    <message>
      <source>Training the CRF model…</source>
      <translation>تدريب نموذج ⁨CRF⁩…</translation>
    </message>
    <message>
      <source>Reading %1 (%2 of %3)…</source>
      <translation>قراءة %1 (%2 من %3)…</translation>
    </message>
    <message>
      <source>Training: %1%</source>
      <translation>التدريب: %1٪</translation>
    </message>
    <message>
      <source>Model trained: micro F1 %1 (cross-validated).</source>
      <translation>دُرّب النموذج: ⁨F1⁩ الجزئي %1 (بتحقق متقاطع).</translation>
    </message>
    <message>
      <source>Model trained (not cross-validated).</source>
      <translation>دُرّب النموذج (بلا تحقق متقاطع).</translation>
    </message>
    <message>
      <source>%1 file(s) could not be read and were left out: %2</source>
      <translation>تعذّرت قراءة %1 من الملفات فتُركت: %2</translation>
    </message>
    <message>
      <source>Training failed: %1</source>
      <translation>فشل التدريب: %1</translation>
    </message>
    <message>
      <source>Training cancelled; the model is as it was.</source>
      <translation>أُلغي التدريب؛ بقي النموذج كما كان.</translation>
    </message>
    <message>
      <source>Train Model</source>
      <translation>درّب النموذج</translation>
    </message>
    <message>
      <source>The project has a model trained %1 on %2 documents, cross-validated micro F1 %3. Train a new one to replace it? It is replaced only when the training is complete.</source>
      <translation>في المشروع نموذج دُرّب في %1 على %2 من المستندات، و⁨F1⁩ الجزئي بالتحقق المتقاطع %3. أتدرّب نموذجًا جديدًا مكانه؟ لا يُستبدل إلا حين يكتمل التدريب.</translation>
    </message>
  </context>
  <context>
    <name>Suggestions</name>
    <message>
      <source>&amp;Suggest for This Document</source>
      <translation>&amp;اقترح لهذه الوثيقة</translation>
    </message>
    <message>
      <source>&amp;Cancel Suggesting</source>
      <translation>أ&amp;لغِ الاقتراح</translation>
    </message>
    <message>
      <source>&amp;Next Suggestion</source>
      <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
      <source>&amp;Previous Suggestion</source>
      <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
      <source>&amp;Accept Suggestion</source>
      <translation>&amp;اقبل الاقتراح</translation>
    </message>
    <message>
      <source>&amp;Reject Suggestion</source>
      <translation>&amp;ارفض الاقتراح</translation>
    </message>
    <message>
      <source>Accept &amp;with Another Label…</source>
      <translation>اقبله &amp;بوسم آخر…</translation>
    </message>
    <message>
      <source>Accept A&amp;ll of a Label…</source>
      <translation>اقبل &amp;كل اقتراحات وسم…</translation>
    </message>
    <message>
      <source>S&amp;uggestions</source>
      <translation>&amp;اقتراحات</translation>
    </message>
    <message>
      <source>Choose at least one recommender in the panel.</source>
      <translation>اختر مقترِحًا واحدًا على الأقل في اللوحة.</translation>
    </message>
    <message>
      <source>Suggesting with %1…</source>
      <translation>يجري الاقتراح بـ %1…</translation>
    </message>
    <message>
      <source>Suggesting cancelled.</source>
      <translation>أُلغي الاقتراح.</translation>
    </message>
    <message>
      <source>%1: %2%</source>
      <translation>%1: %2٪</translation>
    </message>
    <message>
      <source>%1 new suggestions from %2.</source>
      <translation>%1 اقتراحًا جديدًا من %2.</translation>
    </message>
    <message>
      <source> — done: %1</source>
      <translation> — انتهى: %1</translation>
    </message>
    <message>
      <source>%1 (%2 new)</source>
      <translation>%1 (%2 جديدًا)</translation>
    </message>
    <message>
      <source>Storing %1 suggestions from %2…</source>
      <translation>يجري حفظ %1 اقتراحًا من %2…</translation>
    </message>
    <message>
      <source>%1: running…</source>
      <translation>%1: قيد التشغيل…</translation>
    </message>
    <message>
      <source>Suggesting failed: %1</source>
      <translation>تعذّر الاقتراح: %1</translation>
    </message>
    <message>
      <source>Suggested %1 (%2, score %3). Enter accepts, Backspace rejects.</source>
      <translation>مقترَح: %1 (%2، الدرجة %3). Enter يقبله، وBackspace يرفضه.</translation>
    </message>
    <message>
      <source>No more suggestions this way.</source>
      <translation>لا اقتراحات أخرى في هذا الاتجاه.</translation>
    </message>
    <message>
      <source>No open suggestion fits.</source>
      <translation>لا اقتراح مفتوح يطابق.</translation>
    </message>
    <message>
      <source>Accepted %1 suggestions.</source>
      <translation>قُبل %1 اقتراحًا.</translation>
    </message>
    <message>
      <source>Accept with Label</source>
      <translation>اقبل بوسم</translation>
    </message>
    <message>
      <source>Label:</source>
      <translation>الوسم:</translation>
    </message>
    <message>
      <source>Quote cues</source>
      <translation>قرائن الاقتباس</translation>
    </message>
    <message>
      <source>Claim cues</source>
      <translation>قرائن الادعاء</translation>
    </message>
    <message>
      <source>Project names</source>
      <translation>أسماء المشروع</translation>
    </message>
    <message>
      <source>CRF model</source>
      <translation>نموذج CRF</translation>
    </message>
    <message>
      <source>Your model</source>
      <translation>نموذجك</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>الدرجة</translation>
    </message>
    <message>
      <source>Recommender</source>
      <translation>المقترِح</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>الدليل</translation>
    </message>
    <message>
      <source>Suggestions</source>
      <translation>الاقتراحات</translation>
    </message>
    <message>
      <source>Suggest</source>
      <translation>اقترح</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Score at least</source>
      <translation>الدرجة لا تقل عن</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>اقبل</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>ارفض</translation>
    </message>
    <message>
      <source>Accept All…</source>
      <translation>اقبل الكل…</translation>
    </message>
    <message>
      <source>This project has no trained model yet: Suggestions › Train Model… (or annotator train … -o %1)</source>
      <translation>لا نموذج مدرَّبًا في هذا المشروع بعد: اقتراحات › درّب النموذج… (أو annotator train … -o %1)</translation>
    </message>
    <message>
      <source>All labels</source>
      <translation>كل الوسوم</translation>
    </message>
    <message>
      <source>Name a model folder in the project's %1</source>
      <translation>سمِّ مجلد نموذج في ملف المشروع %1</translation>
    </message>
    <message>
      <source>All recommenders</source>
      <translation>كل المقترِحات</translation>
    </message>
    <message>
      <source>%1 open</source>
      <translation>%1 مفتوحًا</translation>
    </message>
    <message>
      <source>Accept All Suggestions</source>
      <translation>اقبل كل الاقتراحات</translation>
    </message>
  </context>
  <context>
    <name>Evidence</name>
    <message>
      <source>speaker of {cue}</source>
      <translation>المتحدث في {cue}</translation>
    </message>
    <message>
      <source>named after {cue}</source>
      <translation>مذكور بعد {cue}</translation>
    </message>
    <message>
      <source>{label} {count} of {total} times in the project</source>
      <translation>{label} في {count} من {total} مرات في المشروع</translation>
    </message>
    <message>
      <source>CRF {score}</source>
      <translation>نموذج CRF {score}</translation>
    </message>
    <message>
      <source>CRF: the same name elsewhere in the document</source>
      <translation>نموذج CRF: الاسم نفسه في موضع آخر من المستند</translation>
    </message>
    <message>
      <source>{label}: {score} (mean {mean}), {model}</source>
      <translation>{label}: {score} (المتوسط {mean})، {model}</translation>
    </message>
    <message>
      <source>{label}: spaCy, unscored</source>
      <translation>{label}: spaCy، بلا درجة</translation>
    </message>
    <message>
      <source>attribution</source>
      <translation>إسناد</translation>
    </message>
    <message>
      <source>comparison</source>
      <translation>مقارنة</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>percentage</source>
      <translation>نسبة مئوية</translation>
    </message>
  </context>
  <context>
    <name>Lists</name>
    <message>
      <source>, </source>
      <translation>، </translation>
    </message>
  </context>
</TS>
