<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>frontmark::Archetype</name>
    <message>
        <location filename="../../app/core/publish/archetype.cpp" line="+229"/>
        <source>; Frontmark fills in .Date, .Name, .File.ContentBaseName, .Section, .Type, .Site.Title and string literals with replace, title, humanize, lower, upper, urlize and trim, so create this post with `hugo new` or simplify the archetype.</source>
        <translation>；Frontmark 能填入 .Date、.Name、.File.ContentBaseName、.Section、.Type、.Site.Title，以及搭配 replace、title、humanize、lower、upper、urlize 與 trim 的字串常值，因此請改用 `hugo new` 建立這篇文章，或簡化 archetype。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This comment is not closed with “*/}}”.</source>
        <translation>這個註解沒有以「*/}}」結束。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A comment must end right before “}}”.</source>
        <translation>註解必須緊接在「}}」之前結束。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unexpected “)” in this action.</source>
        <translation>這個動作中出現了不該有的「)」。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This template action is not closed with “}}”.</source>
        <translation>這個範本動作沒有以「}}」結束。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This quoted string is not closed.</source>
        <translation>這個加引號的字串沒有結束。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This escape sequence in a string is not supported; write the character itself.</source>
        <translation>不支援字串中的這個跳脫序列；請直接寫出該字元。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This raw string is not closed with “`”.</source>
        <translation>這個原始字串沒有以「`」結束。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The archetype uses “.%1”, which Frontmark cannot fill in</source>
        <translation>archetype 使用了「.%1」，Frontmark 無法填入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The archetype calls “%1”, which Frontmark does not support</source>
        <translation>archetype 呼叫了「%1」，Frontmark 不支援</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This “(” is not closed with “)”.</source>
        <translation>這個「(」沒有以「)」結束。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The archetype uses “%1”, which Frontmark does not support</source>
        <translation>archetype 使用了「%1」，Frontmark 不支援</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This template action is empty or has an empty command; remove it or complete it.</source>
        <translation>這個範本動作是空的，或含有空的命令；請移除或補完它。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Only a function can take arguments or a piped value here.</source>
        <translation>這裡只有函式能接受引數或管線傳入的值。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>“%1” takes %2 argument(s) here but is given %3; check the archetype against Hugo&apos;s documentation.</source>
        <translation>「%1」在這裡需要 %2 個引數，卻收到 %3 個；請對照 Hugo 文件檢查 archetype。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The file name “%1” cannot be used; give a name without slashes.</source>
        <translation>無法使用檔名「%1」；請取一個不含斜線的名稱。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The section “%1” must be a folder inside the content folder, such as “posts”.</source>
        <translation>區段「%1」必須是 content 資料夾中的資料夾，例如「posts」。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The archetype is not valid UTF-8 text; save it as UTF-8.</source>
        <translation>archetype 不是有效的 UTF-8 文字；請以 UTF-8 儲存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This is not a Hugo site folder: it has no hugo.toml or config file.</source>
        <translation>這不是 Hugo 網站資料夾：其中沒有 hugo.toml 或設定檔。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+47"/>
        <source>A post already exists at this path; choose another name or open that post.</source>
        <translation>這個路徑已經有文章了；請選擇其他名稱，或開啟那篇文章。</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>(Hugo&apos;s built-in default archetype)</source>
        <translation>（Hugo 內建的預設 archetype）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the archetype: %1.</source>
        <translation>無法讀取 archetype：%1。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot create the folder for the new post; check that the content folder is writable.</source>
        <translation>無法為新文章建立資料夾；請確認 content 資料夾可以寫入。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the new post: %1.</source>
        <translation>無法建立新文章：%1。</translation>
    </message>
</context>
<context>
    <name>frontmark::ConflictDialog</name>
    <message>
        <location filename="../../ui/publish/conflictdialog.cpp" line="+26"/>
        <source>File Changed on Disk</source>
        <translation>磁碟上的檔案已變更</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” was changed by another program since you opened it.</source>
        <translation>「%1」在你開啟之後已被其他程式修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overwrite replaces the other program’s version with yours. Save As… keeps both: yours goes to a new file.</source>
        <translation>「覆寫」會以你的版本取代其他程式的版本。「另存新檔…」則兩者都保留：你的版本會寫入新檔案。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What would change on disk (disk version → your version):</source>
        <translation>磁碟上將有的變更（磁碟版本 → 你的版本）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two versions are identical.</source>
        <translation>兩個版本完全相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (on disk)</source>
        <translation>%1（磁碟上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (your version)</source>
        <translation>%1（你的版本）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overwrite</source>
        <translation>覆寫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the file on disk with your version</source>
        <translation>以你的版本取代磁碟上的檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>另存新檔…</translation>
    </message>
</context>
<context>
    <name>frontmark::DiffView</name>
    <message>
        <location filename="../../ui/publish/diffview.cpp" line="+276"/>
        <source>No changes</source>
        <translation>沒有變更</translation>
    </message>
</context>
<context>
    <name>frontmark::Files</name>
    <message>
        <location filename="../../app/core/document/postfile.cpp" line="+70"/>
        <source>Cannot open the file: %1.</source>
        <translation>無法開啟檔案：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is %1 MB; Frontmark opens posts up to %2 MB.</source>
        <translation>這個檔案有 %1 MB；Frontmark 只能開啟 %2 MB 以內的文章。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the file: %1.</source>
        <translation>無法讀取檔案：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The text is larger than %1 MB.</source>
        <translation>文字超過 %1 MB。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This looks like a binary file, not a text post (a NUL byte).</source>
        <translation>這看起來是二進位檔案，而不是文字文章（含有 NUL 位元組）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is not valid UTF-8 (byte 0x%1); Hugo reads posts as UTF-8, so re-save it in that encoding.</source>
        <translation>這個檔案不是有效的 UTF-8（位元組 0x%1）；Hugo 以 UTF-8 讀取文章，請改用這種編碼重新儲存。</translation>
    </message>
    <message>
        <location filename="../../app/core/publish/recovery.cpp" line="+174"/>
        <location line="+19"/>
        <source>Cannot create the recovery folder “%1”.</source>
        <translation>無法建立復原資料夾「%1」。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Cannot lock the recovery folder “%1” (error %2); autosave is off.</source>
        <translation>無法鎖定復原資料夾「%1」（錯誤 %2）；自動儲存已停用。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The recovery store is not open, so no copy was saved.</source>
        <translation>復原存放區未開啟，因此沒有儲存副本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid recovery id.</source>
        <translation>「%1」不是有效的復原 ID。</translation>
    </message>
    <message>
        <location filename="../../app/core/io/safewrite.cpp" line="+50"/>
        <source> The file on disk was not changed.</source>
        <translation>磁碟上的檔案沒有變更。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving “%1” failed while %2: %3.</source>
        <translation>儲存「%1」時，%2失敗：%3。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>“%1” is a folder, not a file; choose a file name to save to.</source>
        <translation>「%1」是資料夾，不是檔案；請選擇要儲存的檔名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is a device or special file, not a regular file; Frontmark only saves into regular files.</source>
        <translation>「%1」是裝置或特殊檔案，不是一般檔案；Frontmark 只會儲存到一般檔案。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+135"/>
        <source>checking the file</source>
        <translation>檢查檔案</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Saving “%1” failed: the folder “%2” does not exist (was it moved or deleted?).</source>
        <translation>儲存「%1」失敗：資料夾「%2」不存在（是否已被移動或刪除？）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>opening the file for writing</source>
        <translation>開啟檔案以寫入</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+128"/>
        <source>creating the temporary file in %1</source>
        <translation>在 %1 中建立暫存檔</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+111"/>
        <source>syncing to disk</source>
        <translation>同步到磁碟</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+4"/>
        <source>replacing the file</source>
        <translation>取代檔案</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving “%1” failed while %2: %3. Nothing was written.</source>
        <translation>儲存「%1」時，%2失敗：%3。沒有寫入任何內容。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Saving “%1” failed: the folder “%2” does not exist. Nothing was written.</source>
        <translation>儲存「%1」失敗：資料夾「%2」不存在。沒有寫入任何內容。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>closing the temporary file</source>
        <translation>關閉暫存檔</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>giving the file its name</source>
        <translation>為檔案命名</translation>
    </message>
</context>
<context>
    <name>frontmark::FindBar</name>
    <message>
        <location filename="../../ui/editor/findbar.cpp" line="+76"/>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>大小寫須相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>取代為</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace All</source>
        <translation>全部取代</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrapped around</source>
        <translation>已從另一端繼續尋找</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>已取代 %n 處</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontmark::FrontMatter</name>
    <message>
        <location filename="../../app/core/document/frontmatter.cpp" line="+59"/>
        <source>The front matter starts with { on line %1 but its closing } is missing; add it after the last value.</source>
        <translation>前置資料在第 %1 行以 { 開始，卻缺少結尾的 }；請在最後一個值之後加上。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The front matter starts with %1 on line %2 but has no closing %1 line; add one after the last key.</source>
        <translation>前置資料在第 %2 行以 %1 開始，卻沒有結尾的 %1 行；請在最後一個鍵之後加上一行。</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>This post has no front matter block to edit.</source>
        <translation>這篇文章沒有可編輯的前置資料區塊。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A front matter key cannot be empty.</source>
        <translation>前置資料的鍵不能是空的。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” is written in a form Frontmark cannot rewrite in place; edit the front matter as text.</source>
        <translation>「%1」的寫法 Frontmark 無法就地改寫；請以文字編輯前置資料。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Frontmark could not write “%1” in this block&apos;s style without changing its meaning; edit the front matter as text.</source>
        <translation>Frontmark 無法在不改變意義的情況下，以這個區塊的風格寫入「%1」；請以文字編輯前置資料。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” is written in a form Frontmark cannot remove in place; edit the front matter as text.</source>
        <translation>「%1」的寫法 Frontmark 無法就地移除；請以文字編輯前置資料。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frontmark could not remove “%1” cleanly; edit the front matter as text.</source>
        <translation>Frontmark 無法乾淨地移除「%1」；請以文字編輯前置資料。</translation>
    </message>
    <message>
        <location filename="../../app/core/document/jsoncodec.cpp" line="+52"/>
        <source>Control characters must be escaped inside a JSON string.</source>
        <translation>JSON 字串中的控制字元必須跳脫。</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+5"/>
        <source>A \u escape needs four hex digits.</source>
        <translation>\u 跳脫序列需要四位十六進位數字。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“\%1” is not a JSON escape.</source>
        <translation>「\%1」不是 JSON 的跳脫序列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This JSON string is never closed.</source>
        <translation>這個 JSON 字串沒有結束。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The front matter nests arrays or objects more than %1 levels deep.</source>
        <translation>前置資料中的陣列或物件巢狀超過 %1 層。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON front matter ends where a value was expected.</source>
        <translation>JSON 前置資料在應該出現值的地方結束了。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Expected “,” or “]” in this JSON list.</source>
        <translation>這個 JSON 清單中應該是「,」或「]」。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>“%1” is not a JSON number.</source>
        <translation>「%1」不是 JSON 數字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unexpected character in JSON front matter; expected a value.</source>
        <translation>JSON 前置資料中出現非預期的字元；這裡應該是一個值。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Expected a quoted key in this JSON object.</source>
        <translation>這個 JSON 物件中應該是加引號的鍵。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key “%1” appears twice; the second would silently replace the first.</source>
        <translation>鍵「%1」出現了兩次；第二個會在不知不覺中取代第一個。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected “:” after the key “%1”.</source>
        <translation>鍵「%1」之後應該是「:」。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Expected “,” or “}” after the value of “%1”.</source>
        <translation>「%1」的值之後應該是「,」或「}」。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>JSON front matter must be an object that starts with “{”.</source>
        <translation>JSON 前置資料必須是以「{」開始的物件。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unexpected text after the JSON front matter object.</source>
        <translation>JSON 前置資料物件之後有非預期的文字。</translation>
    </message>
    <message>
        <location filename="../../app/core/document/tomlcodec.cpp" line="+31"/>
        <source>The front matter nests arrays or tables more than %1 levels deep.</source>
        <translation>前置資料中的陣列或表格巢狀超過 %1 層。</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>This key nests more than %1 tables deep.</source>
        <translation>這個鍵的表格巢狀超過 %1 層。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TOML syntax error: %1</source>
        <translation>TOML 語法錯誤：%1</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Cannot find the value of “%1”.</source>
        <translation>找不到「%1」的值。</translation>
    </message>
    <message>
        <location filename="../../app/core/document/value.cpp" line="+250"/>
        <source>empty</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string</source>
        <translation>字串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a true/false value</source>
        <translation>布林值（true/false）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an integer</source>
        <translation>整數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a map</source>
        <translation>對應表</translation>
    </message>
    <message>
        <location filename="../../app/core/document/valuetext.cpp" line="+21"/>
        <source>“%1” is not a valid JSON value: %2</source>
        <translation>「%1」不是有效的 JSON 值：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not %2, which this key holds.</source>
        <translation>「%1」不是這個鍵所存放的%2。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>“%1” is not a date; write it like 2025-05-12T14:30:25+08:00 or 2025-05-12.</source>
        <translation>「%1」不是日期；請寫成 2025-05-12T14:30:25+08:00 或 2025-05-12 這樣的格式。</translation>
    </message>
    <message>
        <location filename="../../app/core/document/yamlcodec.cpp" line="+95"/>
        <source>The front matter expands to more than %1 values through aliases (*name); Hugo rejects such excessive aliasing too.</source>
        <translation>前置資料透過別名（*name）展開後超過 %1 個值；Hugo 也會拒絕這種過度使用別名的情況。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+377"/>
        <source>The front matter nests lists or maps more than %1 levels deep.</source>
        <translation>前置資料中的清單或對應表巢狀超過 %1 層。</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>The key “%1” appears twice in the same map; Hugo rejects duplicate keys.</source>
        <translation>鍵「%1」在同一個對應表中出現了兩次；Hugo 不接受重複的鍵。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>YAML syntax error: this quoted text is never closed; add the closing %1.</source>
        <translation>YAML 語法錯誤：這段加引號的文字沒有結束；請補上結尾的 %1。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>YAML syntax error: %1</source>
        <translation>YAML 語法錯誤：%1</translation>
    </message>
    <message>
        <location line="+307"/>
        <source>Front matter must be a list of “key: value” lines, not a list.</source>
        <translation>前置資料必須是由「鍵: 值」各行組成的內容，而不是清單。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front matter must be a list of “key: value” lines, not a single value.</source>
        <translation>前置資料必須是由「鍵: 值」各行組成的內容，而不是單一的值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Front matter keys must be plain names, not lists or maps.</source>
        <translation>前置資料的鍵必須是單純的名稱，不能是清單或對應表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key “%1” appears twice; Hugo rejects duplicate keys.</source>
        <translation>鍵「%1」出現了兩次；Hugo 不接受重複的鍵。</translation>
    </message>
</context>
<context>
    <name>frontmark::FrontMatterForm</name>
    <message>
        <location filename="../../ui/frontmatter/frontmatterform.cpp" line="+91"/>
        <source>empty</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string</source>
        <translation>字串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a true/false value</source>
        <translation>布林值（true/false）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an integer</source>
        <translation>整數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a map</source>
        <translation>對應表</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Raw</source>
        <translation>原始文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the front matter as text</source>
        <translation>以文字編輯前置資料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+393"/>
        <source>Separate tags with commas: , ， or 、</source>
        <translation>以逗號分隔標籤：, ， 或 、</translation>
    </message>
    <message>
        <location line="-392"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+394"/>
        <source>Separate categories with commas: , ， or 、</source>
        <translation>以逗號分隔分類：, ， 或 、</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>Categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not published yet</source>
        <translation>尚未發布</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source URL</source>
        <translation>來源網址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source name</source>
        <translation>來源名稱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>More fields</source>
        <translation>其他欄位</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>No front matter</source>
        <translation>沒有前置資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 front matter</source>
        <translation>%1 前置資料</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This post has no front matter.</source>
        <translation>這篇文章沒有前置資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” holds %2 here; edit it under More fields.</source>
        <translation>「%1」在這裡是%2；請在「其他欄位」中編輯。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is written in a form Frontmark cannot rewrite in place; edit it in Raw mode.</source>
        <translation>「%1」的寫法 Frontmark 無法就地改寫；請在原始文字模式中編輯。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Written in a form Frontmark cannot rewrite in place; edit it in Raw mode.</source>
        <translation>這種寫法 Frontmark 無法就地改寫；請在原始文字模式中編輯。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Type a new key and its value to add them.</source>
        <translation>輸入新的鍵與值即可新增。</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>local time</source>
        <translation>當地時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date only</source>
        <translation>僅日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written as %1</source>
        <translation>原文寫法：%1</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 欄：%3</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Not a web address yet: write it like https://example.org/article.</source>
        <translation>還不是網址：請寫成 https://example.org/article 這樣的格式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is already in the front matter.</source>
        <translation>前置資料中已有「%1」。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Fix the front matter before going back to the form — %1</source>
        <translation>請先修正前置資料，才能回到表單：%1</translation>
    </message>
</context>
<context>
    <name>frontmark::Images</name>
    <message>
        <location filename="../../app/core/images/imageedits.cpp" line="+59"/>
        <source>The text changed since the images were listed; look at the images again and retry.</source>
        <translation>列出圖片之後文字已有變動；請重新查看圖片後再試一次。</translation>
    </message>
    <message>
        <location line="+131"/>
        <location line="+322"/>
        <source>Hugo cannot read this %1 back from a shortcode argument: it has a double quote, a backtick and a backslash (or a line break) together.</source>
        <translation>Hugo 無法從短代碼參數讀回這個 %1：它同時含有雙引號、反引號與反斜線（或換行）。</translation>
    </message>
    <message>
        <location line="-299"/>
        <source>A caption paragraph can be at most %1 columns long (%2 CJK characters); shorten it, or make the image a figure.</source>
        <translation>圖說段落最長 %1 欄（%2 個中日韓文字）；請縮短圖說，或把圖片改為 figure。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The figure call could not be read; fix its quotes and try again.</source>
        <translation>無法讀取這個 figure 呼叫；請修正其中的引號後再試一次。</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>The image&apos;s alt text could not be found in the text.</source>
        <translation>在文字中找不到這張圖片的替代文字。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A caption paragraph cannot end with a colon or be a shortcode call: it would read as text of its own, not as the image&apos;s caption.</source>
        <translation>圖說段落不能以冒號結尾，也不能是短代碼呼叫：那樣它會被當成獨立的文字，而不是圖片的圖說。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The image&apos;s caption could not be found in the text; look at the images again.</source>
        <translation>在文字中找不到這張圖片的圖說；請重新查看圖片。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A figure needs an image address (src).</source>
        <translation>figure 需要圖片位址（src）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The definition of this image&apos;s reference label was not found; add “[label]: address” on a line of its own.</source>
        <translation>找不到這張圖片參考標籤的定義；請在獨立的一行加上「[label]: 位址」。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This image has no caption line directly under it.</source>
        <translation>這張圖片正下方沒有圖說行。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This image is already a figure.</source>
        <translation>這張圖片已經是 figure 了。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an image alone in its paragraph can become a figure; this one shares its paragraph with text.</source>
        <translation>只有獨立成段的圖片才能改為 figure；這張圖片與文字同在一個段落。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The link around this image is a reference link, which a figure cannot take; write the address in the link first.</source>
        <translation>這張圖片外圍的連結是參考式連結，figure 無法使用；請先把位址直接寫進連結。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This image is not a figure.</source>
        <translation>這張圖片不是 figure。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This figure call has positional arguments; name them (src=…) first.</source>
        <translation>這個 figure 呼叫使用了位置參數；請先為它們加上名稱（src=…）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The figure&apos;s “%1” argument has no Markdown equivalent; remove it first or keep the figure.</source>
        <translation>figure 的「%1」參數沒有對應的 Markdown 寫法；請先移除它，或保留 figure。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The figure shares its line with text, so its caption cannot become a paragraph; put the figure on a line of its own first.</source>
        <translation>figure 與文字在同一行，因此它的圖說無法成為段落；請先讓 figure 獨立成一行。</translation>
    </message>
    <message>
        <location filename="../../app/core/images/imageimport.cpp" line="+131"/>
        <source>The pasted data is not an image a browser can show (PNG, JPEG, GIF, WebP, AVIF, SVG).</source>
        <translation>貼上的資料不是瀏覽器能顯示的圖片（PNG、JPEG、GIF、WebP、AVIF、SVG）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not an image a browser can show (PNG, JPEG, GIF, WebP, AVIF, SVG).</source>
        <translation>「%1」不是瀏覽器能顯示的圖片（PNG、JPEG、GIF、WebP、AVIF、SVG）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The image path pattern “%1” has a “{” without its “}”; placeholders are written {date}, {hash}, {name} and {ext}.</source>
        <translation>圖片路徑樣式「%1」中有「{」卻沒有對應的「}」；預留位置的寫法是 {date}、{hash}、{name} 與 {ext}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The image path pattern “%1” has an unknown placeholder “{%2}”; the known ones are {date}, {hash}, {name} and {ext}.</source>
        <translation>圖片路徑樣式「%1」中有未知的預留位置「{%2}」；可用的有 {date}、{hash}、{name} 與 {ext}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image path pattern “%1” leads out of the static folder (“..”); write a path inside it, such as “%2”.</source>
        <translation>圖片路徑樣式「%1」會跑出 static 資料夾（「..」）；請寫成資料夾內的路徑，例如「%2」。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image path pattern “%1” gives no file name; end it with one, such as “{date}-{hash}.{ext}”.</source>
        <translation>圖片路徑樣式「%1」沒有產生檔名；請在結尾加上檔名，例如「{date}-{hash}.{ext}」。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Creating the folder “%1” for the image failed: %2. Nothing was written.</source>
        <translation>為圖片建立資料夾「%1」失敗：%2。沒有寫入任何內容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a folder, so the image cannot go there. Nothing was written.</source>
        <translation>「%1」不是資料夾，因此圖片無法放在那裡。沒有寫入任何內容。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Save the post first: outside a Hugo site an image goes into an “images” folder beside the post, and an unsaved post has no folder yet.</source>
        <translation>請先儲存文章：在 Hugo 網站以外，圖片會放進文章旁邊的「images」資料夾，而尚未儲存的文章還沒有所在的資料夾。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>There are already %1 other files named like “%2” in “%3”; add {hash} to the image path pattern “%4”. Nothing was written.</source>
        <translation>「%3」中已經有 %1 個與「%2」名稱相似的檔案；請在圖片路徑樣式「%4」中加入 {hash}。沒有寫入任何內容。</translation>
    </message>
    <message>
        <location filename="../../app/core/images/postimages.cpp" line="+545"/>
        <source>The caption “%1” is directly under its image, so Hugo puts both in one paragraph; add a blank line between them.</source>
        <translation>圖說「%1」緊接在圖片下一行，因此 Hugo 會把兩者放進同一個段落；請在兩者之間加入空行。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This post has %1 or more images; Frontmark lists and checks only the first %1, up to this one. Split the post to check the rest.</source>
        <translation>這篇文章有 %1 張以上的圖片；Frontmark 只列出並檢查前 %1 張（到這一張為止）。請拆分文章以檢查其餘的圖片。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The image path “%1” leaves the site (its “..” climbs above the site&apos;s root); link a file inside the site, such as “/images/…”.</source>
        <translation>圖片路徑「%1」離開了網站（其中的「..」越過了網站根目錄）；請連結網站內的檔案，例如「/images/…」。</translation>
    </message>
</context>
<context>
    <name>frontmark::ImagesPanel</name>
    <message>
        <location filename="../../ui/images/imagespanel.cpp" line="+54"/>
        <source>The paragraph under the image.</source>
        <translation>圖片下方的段落。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The line under the image (no blank line between them).</source>
        <translation>圖片下方的那一行（兩者之間沒有空行）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The figure&apos;s caption argument.</source>
        <translation>figure 的 caption 參數。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The figure&apos;s title argument.</source>
        <translation>figure 的 title 參數。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image&apos;s title.</source>
        <translation>圖片的標題。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No caption. Type one to add a caption argument.</source>
        <translation>沒有圖說。輸入圖說即可加入 caption 參數。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No caption. Type one to add a paragraph under the image.</source>
        <translation>沒有圖說。輸入圖說即可在圖片下方加入一個段落。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No caption. The image shares its paragraph; a caption becomes its title.</source>
        <translation>沒有圖說。這張圖片與其他內容同在一個段落；圖說會成為圖片的標題。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote</source>
        <translation>遠端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaves the site</source>
        <translation>離開網站</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caption</source>
        <translation>圖說</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images in this post</source>
        <translation>這篇文章中的圖片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Describe the image for readers who cannot see it</source>
        <translation>為看不到圖片的讀者描述這張圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption shown under the image (Markdown)</source>
        <translation>顯示在圖片下方的圖說（Markdown）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ The caption sits directly under the image, so Hugo puts both in one paragraph.</source>
        <translation>⚠ 圖說緊接在圖片下一行，因此 Hugo 會把兩者放進同一個段落。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a Blank Line</source>
        <translation>加入空行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate the caption from the image with a blank line</source>
        <translation>以空行分隔圖說與圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relink…</source>
        <translation>重新連結…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the image file this image should show</source>
        <translation>選擇這張圖片要顯示的圖檔</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&amp;Alt text:</source>
        <translation>替代文字(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Caption:</source>
        <translation>圖說(&amp;C)：</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 (figure)</source>
        <translation>%1（figure）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No alt text</source>
        <translation>沒有替代文字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Caption merged</source>
        <translation>圖說與圖片同段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 · caption merged</source>
        <translation>%1 · 圖說與圖片同段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No file for “%1” in the site&apos;s static or content folders</source>
        <translation>網站的 static 或 content 資料夾中沒有「%1」的檔案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” climbs above the site&apos;s root: nothing outside the site is shown or copied</source>
        <translation>「%1」越過了網站根目錄：網站以外的檔案不會顯示也不會複製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugo renders the caption in the image&apos;s paragraph</source>
        <translation>Hugo 會把圖說放進圖片所在的段落</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>This post has no images yet. Paste an image or drop an image file into the editor to add one.</source>
        <translation>這篇文章還沒有圖片。在編輯器中貼上圖片或拖放圖檔即可加入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an image to edit its alt text and caption.</source>
        <translation>選取一張圖片以編輯它的替代文字與圖說。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote image
(offline)</source>
        <translation>遠端圖片
（離線）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No preview</source>
        <translation>無法預覽</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the site&apos;s static or content folders: the published page will show it broken.</source>
        <translation>不在網站的 static 或 content 資料夾中：發布後的頁面會顯示為破圖。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This path leaves the site: its “..” climbs above the site&apos;s root.</source>
        <translation>這個路徑離開了網站：其中的「..」越過了網站根目錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote image</source>
        <translation>遠端圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Convert to Markdown Image</source>
        <translation>轉換為 Markdown 圖片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Convert to Figure Shortcode</source>
        <translation>轉換為 figure 短代碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this figure as ![alt](src) with a caption paragraph</source>
        <translation>將這個 figure 改寫為 ![alt](src) 加上圖說段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this image and its caption as {{&lt; figure &gt;}}</source>
        <translation>將這張圖片與圖說改寫為 {{&lt; figure &gt;}}</translation>
    </message>
</context>
<context>
    <name>frontmark::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="+378"/>
        <source>Front matter</source>
        <translation>前置資料</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show or hide the Problems panel</source>
        <translation>顯示或隱藏「問題」面板</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Post in Site…</source>
        <translation>在網站中新增文章(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a post from the site&apos;s archetype, as “hugo new” does.</source>
        <translation>依網站的 archetype 建立文章，如同「hugo new」。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Open Post</source>
        <translation>開啟文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts (*.md *.markdown *.mdown);;All files (*)</source>
        <translation>文章 (*.md *.markdown *.mdown);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Open &amp;Recent</source>
        <translation>最近開啟的檔案(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowfiles.cpp" line="+75"/>
        <location filename="../../ui/mainwindowui.cpp" line="-139"/>
        <source>Save Post As</source>
        <translation>另存文章</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="+129"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowfiles.cpp" line="-21"/>
        <location line="+22"/>
        <location filename="../../ui/mainwindowui.cpp" line="-128"/>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="+139"/>
        <source>&amp;Publish…</source>
        <translation>發布(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the post, show what changes, set draft to false and write it into the site.</source>
        <translation>檢查文章、顯示將有的變更、把 draft 設為 false，並寫入網站。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>剪下(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace…</source>
        <translation>取代(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pr&amp;eferences…</source>
        <translation>偏好設定(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Zoom</source>
        <translation>重設縮放(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Preview</source>
        <translation>顯示預覽(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Front Matter</source>
        <translation>顯示前置資料(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show Pro&amp;blems</source>
        <translation>顯示問題(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Images</source>
        <translation>顯示圖片(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the post&apos;s images with their alt text and captions</source>
        <translation>列出文章中的圖片及其替代文字與圖說</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Offline Preview</source>
        <translation>離線預覽(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block every remote request; embeds show as cards.</source>
        <translation>封鎖所有遠端請求；嵌入內容以卡片顯示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Click to Load Embeds</source>
        <translation>點選後才載入嵌入內容(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show YouTube and Vimeo players only after a click.</source>
        <translation>點選後才顯示 YouTube 與 Vimeo 播放器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Frontmark</source>
        <translation>關於 Frontmark(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main</source>
        <translation>主要工具列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+222"/>
        <source>%1 · %2%3</source>
        <translation>%1 · %2%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed EOL</source>
        <translation>混合換行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · BOM</source>
        <translation> · BOM</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 words · %2 min read</source>
        <translation>%1 字 · 閱讀約 %2 分鐘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 CJK characters, %2 Latin words, %3 characters without spaces</source>
        <translation>%1 個中日韓文字、%2 個拉丁字母單字、%3 個字元（不含空白）</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+95"/>
        <location filename="../../ui/mainwindowfiles.cpp" line="+73"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>No problems</source>
        <translation>沒有問題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 error</source>
        <translation>1 個錯誤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 errors</source>
        <translation>%1 個錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 warning</source>
        <translation>1 個警告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 warnings</source>
        <translation>%1 個警告</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The front matter does not parse: %1. Fix it in the raw editor above; the body stays editable and nothing is lost.</source>
        <translation>前置資料無法解析：%1。請在上方的原始文字編輯器中修正；內文仍可編輯，不會遺失任何內容。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ln %1, Col %2</source>
        <translation>第 %1 行，第 %2 欄</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1[*] — Frontmark</source>
        <translation>%1[*] — Frontmark</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="+106"/>
        <source>About Frontmark</source>
        <translation>關於 Frontmark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Frontmark %1&lt;/h3&gt;&lt;p&gt;A Markdown editor for Hugo posts, with a preview that renders what Hugo will publish.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frontmark %1&lt;/h3&gt;&lt;p&gt;撰寫 Hugo 文章的 Markdown 編輯器，預覽呈現的就是 Hugo 將發布的樣子。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowfiles.cpp" line="-95"/>
        <source>Save Post</source>
        <translation>儲存文章</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your text is still here in the editor; nothing was lost.</source>
        <translation>你的文字仍在編輯器中，沒有遺失任何內容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A recovery copy is also at %1.</source>
        <translation>另有一份復原副本在 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“%1” could not be saved.</source>
        <translation>無法儲存「%1」。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free some space or choose File ▸ Save As to write it somewhere else.</source>
        <translation>請釋出一些空間，或選擇「檔案 ▸ 另存新檔」寫到其他位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file or its folder is read-only, or you have no permission to change it: choose File ▸ Save As to write it somewhere else.</source>
        <translation>檔案或其資料夾是唯讀的，或你沒有修改的權限：請用「檔案 ▸ 另存新檔」寫到別的地方。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try again, or choose File ▸ Save As to write it somewhere else.</source>
        <translation>請再試一次，或用「檔案 ▸ 另存新檔」寫到別的地方。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>「%1」有尚未儲存的變更。要先儲存嗎？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” was deleted or moved on disk. Your text is still here; save to write it again.</source>
        <translation>磁碟上的「%1」已被刪除或移走。你的文字仍在這裡；儲存即可重新寫入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” changed on disk, and you have unsaved changes here. Reloading would replace them.</source>
        <translation>磁碟上的「%1」已變更，而你在這裡有尚未儲存的變更。重新載入會取代這些變更。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” changed on disk.</source>
        <translation>磁碟上的「%1」已變更。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload from Disk</source>
        <translation>從磁碟重新載入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep My Version</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload from disk</source>
        <translation>從磁碟重新載入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace your unsaved changes with the version on disk?</source>
        <translation>要以磁碟上的版本取代你尚未儲存的變更嗎？</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Publish My Version…</source>
        <translation>發布我的版本…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Published %1</source>
        <translation>已發布 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not write a recovery copy: %1</source>
        <translation>無法寫入復原副本：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Recovered unsaved changes from %1</source>
        <translation>已復原 %1 保留的未儲存變更</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="-154"/>
        <source>Opening %p%</source>
        <translation>開啟中 %p%</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowfiles.cpp" line="+88"/>
        <source>Opening “%1” was cancelled.</source>
        <translation>已取消開啟「%1」。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowui.cpp" line="+35"/>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowimages.cpp" line="+149"/>
        <source>The text around this image changed since the list was made; try again.</source>
        <translation>清單建立之後，這張圖片周圍的文字已有變動；請再試一次。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Relink “%1”</source>
        <translation>重新連結「%1」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg *.bmp);;All files (*)</source>
        <translation>圖片 (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg *.bmp);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Could not read %1: %2.</source>
        <translation>無法讀取 %1：%2。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Added %1. Type its caption on this line.</source>
        <translation>已加入 %1。請在這一行輸入圖說。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Added %n images.</source>
        <translation>
            <numerusform>已加入 %n 張圖片。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontmark::MarkdownEditor</name>
    <message>
        <location filename="../../ui/editor/markdowneditor.cpp" line="+190"/>
        <source>Check &amp;Spelling</source>
        <translation>檢查拼字(&amp;S)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>No spelling dictionary is installed for this post’s language</source>
        <translation>沒有安裝這篇文章語言的拼字字典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check spelling with the %1 dictionary</source>
        <translation>以 %1 字典檢查拼字</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No Suggestions</source>
        <translation>沒有建議</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add “%1” to Dictionary</source>
        <translation>將「%1」加入字典</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ignore “%1”</source>
        <translation>忽略「%1」</translation>
    </message>
</context>
<context>
    <name>frontmark::NewPostDialog</name>
    <message>
        <location filename="../../ui/publish/newpostdialog.cpp" line="+30"/>
        <source>New Post</source>
        <translation>新增文章</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The post’s title, as readers will see it</source>
        <translation>文章的標題，也就是讀者看到的標題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>標題(&amp;T)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Will create:</source>
        <translation>將建立：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Checking the site folder…</source>
        <translation>正在檢查網站資料夾…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the Hugo site first.</source>
        <translation>請先選擇 Hugo 網站。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a title first.</source>
        <translation>請先輸入標題。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file name and a section.</source>
        <translation>請選擇檔名與區段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 already exists: choose another file name.</source>
        <translation>%1 已存在：請選擇其他檔名。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>frontmark::Paths</name>
    <message>
        <location filename="../../app/core/util/confinedpath.cpp" line="+70"/>
        <source>The path “%1” leaves the folder “%2”; nothing is written outside it.</source>
        <translation>路徑「%1」離開了資料夾「%2」；不會在資料夾以外寫入任何東西。</translation>
    </message>
</context>
<context>
    <name>frontmark::PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferencesdialog.cpp" line="+177"/>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> pt</source>
        <translation> 點</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Editor font:</source>
        <translation>編輯器字型：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check spelling of English words (code, links, shortcodes and CJK text are skipped)</source>
        <translation>檢查英文單字的拼字（略過程式碼、連結、短代碼與中日韓文字）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+30"/>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window, the editor and the preview</source>
        <translation>視窗、編輯器與預覽</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Theme:</source>
        <translation>主題：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start with the offline preview (no remote requests)</source>
        <translation>啟動時使用離線預覽（不發出遠端請求）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Network:</source>
        <translation>網路：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load YouTube and Vimeo players only on a click</source>
        <translation>點選後才載入 YouTube 與 Vimeo 播放器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current Hugo releases</source>
        <translation>目前的 Hugo 版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugo 0.111</source>
        <translation>Hugo 0.111</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The markup built-in shortcodes (figure, youtube, …) get in the preview</source>
        <translation>預覽中內建短代碼（figure、youtube…）產生的標記</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Shortcodes as in:</source>
        <translation>短代碼比照：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where pasted and dropped images are copied, inside the site&apos;s static folder.
{date}: the post&apos;s date (yyyyMMdd)  {hash}: 8 hex digits of the image&apos;s SHA-256
{name}: the dropped file&apos;s name  {ext}: png, jpg, …</source>
        <translation>貼上或拖放的圖片要複製到網站 static 資料夾中的哪個位置。
{date}：文章的日期（yyyyMMdd）  {hash}：圖片 SHA-256 的 8 位十六進位數字
{name}：拖放檔案的名稱  {ext}：png、jpg…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>For example: %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>New images:</source>
        <translation>新圖片：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long after your last change a recovery copy is written (never over the post)</source>
        <translation>最後一次變更後多久寫入復原副本（絕不覆寫文章本身）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Recovery copy after:</source>
        <translation>復原副本延遲：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
</context>
<context>
    <name>frontmark::PreviewPage</name>
    <message>
        <location filename="../../ui/preview/previewscheme.cpp" line="+67"/>
        <source>Offline preview: the published post shows the %1 player here.</source>
        <translation>離線預覽：發布後的文章會在這裡顯示 %1 播放器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote embed, not loaded yet.</source>
        <translation>遠端嵌入內容，尚未載入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load %1 player</source>
        <translation>載入 %1 播放器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline preview: the published post shows this gist here.</source>
        <translation>離線預覽：發布後的文章會在這裡顯示這個 gist。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The published post loads this gist with a script; the preview runs no scripts.</source>
        <translation>發布後的文章會用指令碼載入這個 gist；預覽不執行任何指令碼。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script</source>
        <translation>指令碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inline script</source>
        <translation>內嵌指令碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scripts in the post do not run in the preview.</source>
        <translation>文章中的指令碼不會在預覽中執行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline preview: the published post embeds this here.</source>
        <translation>離線預覽：發布後的文章會在這裡嵌入這項內容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The published post embeds this; the preview shows the link.</source>
        <translation>發布後的文章會嵌入這項內容；預覽只顯示連結。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image not found: </source>
        <translation>找不到圖片：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote image, not loaded offline: </source>
        <translation>遠端圖片，離線時不載入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image could not be loaded: </source>
        <translation>無法載入圖片：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text: </source>
        <translation>替代文字：</translation>
    </message>
</context>
<context>
    <name>frontmark::PreviewWidget</name>
    <message numerus="yes">
        <location filename="../../ui/preview/previewwidget.cpp" line="+97"/>
        <source>The preview is still rendering after %n second(s); it shows the text of the last finished render. Typing and saving are not affected.</source>
        <translation>
            <numerusform>預覽在 %n 秒後仍在轉譯；目前顯示的是上一次完成轉譯的內容。打字與儲存不受影響。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Loading the page failed (%1).</source>
        <translation>載入頁面失敗（%1）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The page did not finish loading within %n second(s).</source>
        <translation>
            <numerusform>頁面未能在 %n 秒內載入完成。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The page&apos;s process stopped (exit code %1).</source>
        <translation>頁面的處理程序已停止（結束代碼 %1）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The preview could not load: %1 Press Retry in the preview to load it again.</source>
        <translation>預覽無法載入：%1 請按預覽中的「重試」再次載入。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The preview could not load.

%1

Your text is safe in the editor. Press Retry to load the preview again; if it keeps failing, check the post&apos;s url and slug in the front matter and the Problems panel.</source>
        <translation>預覽無法載入。

%1

你的文字仍安全地保留在編輯器中。請按「重試」再次載入預覽；若一直失敗，請檢查前置資料中的 url 與 slug，以及「問題」面板。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The preview has loaded.</source>
        <translation>預覽已載入。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The preview has caught up with the text.</source>
        <translation>預覽已跟上文字。</translation>
    </message>
</context>
<context>
    <name>frontmark::ProblemsPanel</name>
    <message>
        <location filename="../../ui/problems/problemspanel.cpp" line="+82"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>frontmark::PublishDialog</name>
    <message>
        <location filename="../../ui/publish/publishdialog.cpp" line="+103"/>
        <source>Publish Post</source>
        <translation>發布文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish “%1”</source>
        <translation>發布「%1」</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+348"/>
        <source>Publish</source>
        <translation>發布</translation>
    </message>
    <message>
        <location line="-309"/>
        <source>Set the date to now</source>
        <translation>將日期設為現在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hugo lists posts by date: use the moment of publishing instead of the date in the post.</source>
        <translation>Hugo 依日期排列文章：以發布的當下取代文章中的日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Destination:</source>
        <translation>目的地：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Will be written to:</source>
        <translation>將寫入：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Double-click a problem to go to it in the post</source>
        <translation>按兩下問題即可跳到文章中的該處</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems found.</source>
        <translation>沒有發現問題。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+142"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Changes</source>
        <translation>變更</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied to</source>
        <translation>複製到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+147"/>
        <source>Images to Copy</source>
        <translation>待複製的圖片</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Error at %1</source>
        <translation>%1 處有錯誤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning at %1</source>
        <translation>%1 處有警告</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>問題（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Already there</source>
        <translation>已存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Will be copied</source>
        <translation>將複製</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Images to Copy (%n)</source>
        <translation>
            <numerusform>待複製的圖片（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Published in place: %1</source>
        <translation>就地發布：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the site first.</source>
        <translation>請先選擇網站。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fix the file name to continue.</source>
        <translation>請修正檔名以繼續。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking the post…</source>
        <translation>正在檢查文章…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the Hugo site to publish this post into.</source>
        <translation>請選擇要發布這篇文章的 Hugo 網站。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the errors below, then publish.</source>
        <translation>請修正下列錯誤後再發布。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to publish: the site already has this version.</source>
        <translation>沒有需要發布的內容：網站上已經是這個版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hugo can publish this post, but look at the warnings below first.</source>
        <translation>Hugo 可以發布這篇文章，但請先看看下列警告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A different file already exists there: publishing replaces it.</source>
        <translation>該位置已有另一個檔案：發布會取代它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to publish.</source>
        <translation>可以發布了。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publish Anyway</source>
        <translation>仍要發布</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Replace File?</source>
        <translation>要取代檔案嗎？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the existing file “%1”?</source>
        <translation>要取代現有的檔案「%1」嗎？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another file with this name is already in %1. Publishing replaces its contents with this post; the Changes tab shows the difference.</source>
        <translation>%1 中已有另一個同名檔案。發布會以這篇文章取代它的內容；「變更」分頁會顯示差異。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>frontmark::Publisher</name>
    <message>
        <location filename="../../app/core/publish/publisher.cpp" line="+254"/>
        <source>This post is not inside a Hugo site: choose the site to publish it into.</source>
        <translation>這篇文章不在 Hugo 網站中：請選擇要發布到哪個網站。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a Hugo site we can read: %2</source>
        <translation>「%1」不是可讀取的 Hugo 網站：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file name “%1” may not contain / or \ or start with a dot.</source>
        <translation>檔名「%1」不能包含 / 或 \，也不能以句點開頭。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The site&apos;s configuration does not parse: %1</source>
        <translation>無法解析網站設定：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” exists and is not a file.</source>
        <translation>「%1」已存在，而且不是檔案。</translation>
    </message>
    <message>
        <location filename="../../app/core/publish/validator.cpp" line="+96"/>
        <source>The post has no front matter: Hugo needs at least a title and a date.</source>
        <translation>這篇文章沒有前置資料：Hugo 至少需要標題與日期。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The post has no title; Hugo would list it with an empty heading.</source>
        <translation>這篇文章沒有標題；Hugo 會以空白標題列出它。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The post has no date: Hugo dates it 0001-01-01 and lists it last. Publish with “set the date to now”, or add one.</source>
        <translation>這篇文章沒有日期：Hugo 會把日期當成 0001-01-01 並排在最後。請勾選「將日期設為現在」後發布，或自行加上日期。</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Hugo has no template for the shortcode “%1” in this site or its themes (layouts/shortcodes/%1.html) and stops the build.</source>
        <translation>這個網站及其佈景主題中沒有短代碼「%1」的範本（layouts/shortcodes/%1.html），Hugo 會因此中止建置。</translation>
    </message>
    <message>
        <location filename="../../app/core/publish/publisher.cpp" line="+59"/>
        <source>The front matter&apos;s image path “%1” leaves the site (its “..” climbs above the site&apos;s root).</source>
        <translation>前置資料中的圖片路徑「%1」離開了網站（其中的「..」越過了網站根目錄）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The site already has a different file at “%1”; rename the image or the one in the site.</source>
        <translation>網站在「%1」已有另一個不同的檔案；請重新命名這張圖片或網站中的那個檔案。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The front matter names the image “%1”, which is not in the site&apos;s static or content folders.</source>
        <translation>前置資料指定了圖片「%1」，但它不在網站的 static 或 content 資料夾中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image “%1” is not in the site&apos;s static or content folders; the published page would show it broken.</source>
        <translation>圖片「%1」不在網站的 static 或 content 資料夾中；發布後的頁面會顯示為破圖。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is nowhere to publish the post: choose a site.</source>
        <translation>沒有可以發布這篇文章的地方：請選擇網站。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The post has problems that must be fixed before it is published.</source>
        <translation>這篇文章有問題，必須先修正才能發布。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” already exists; publishing would replace it.</source>
        <translation>「%1」已存在；發布會取代它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” changed on disk after the publish check; nothing was written. Check it again.</source>
        <translation>發布檢查之後，磁碟上的「%1」已變更；沒有寫入任何內容。請重新檢查。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the image “%1”; the post was not published.</source>
        <translation>無法讀取圖片「%1」；文章沒有發布。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A different “%1” appeared in the site; the post was not published.</source>
        <translation>網站中出現了另一個不同的「%1」；文章沒有發布。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the folder for “%1”; the post was not published.</source>
        <translation>無法為「%1」建立資料夾；文章沒有發布。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The post was not published.</source>
        <translation>文章沒有發布。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder “%1”.</source>
        <translation>無法建立資料夾「%1」。</translation>
    </message>
</context>
<context>
    <name>frontmark::RecentFilesMenu</name>
    <message>
        <location filename="../../ui/recentfilesmenu.cpp" line="+89"/>
        <source>Clear List</source>
        <translation>清除清單</translation>
    </message>
</context>
<context>
    <name>frontmark::RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery/recoverydialog.cpp" line="+34"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recover Unsaved Changes</source>
        <translation>復原未儲存的變更</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frontmark kept unsaved changes to one post.</source>
        <translation>Frontmark 保留了一篇文章未儲存的變更。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Frontmark kept unsaved changes to %n posts.</source>
        <translation>
            <numerusform>Frontmark 保留了 %n 篇文章未儲存的變更。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The editor closed before they were saved. Restore opens the text as an unsaved change to its post; Discard deletes the copy; Decide Later keeps it for the next start.</source>
        <translation>編輯器在儲存這些變更前就關閉了。「還原」會把文字開啟為該文章未儲存的變更；「捨棄」會刪除副本；「稍後決定」會保留副本到下次啟動。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Post</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>儲存時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>never saved</source>
        <translation>從未儲存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Restore</source>
        <translation>還原(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>捨棄(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide &amp;Later</source>
        <translation>稍後決定(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the recovered text in an editor window</source>
        <translation>在編輯器視窗中開啟復原的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the recovered copy; the file on disk stays as it is</source>
        <translation>刪除復原副本；磁碟上的檔案維持原狀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the copy and ask again at the next start</source>
        <translation>保留副本，下次啟動時再詢問</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decide later</source>
        <translation>稍後決定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>recovered copy of %1</source>
        <translation>%1 的復原副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never saved: this post had no file yet. Restoring opens it as a new, untitled post.</source>
        <translation>從未儲存：這篇文章還沒有檔案。還原會把它開啟為新的未命名文章。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(nothing on disk)</source>
        <translation>（磁碟上沒有內容）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” no longer exists on disk. Restoring opens the recovered text; saving writes the file again.</source>
        <translation>磁碟上已沒有「%1」。還原會開啟復原的文字；儲存後會重新寫入這個檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no file)</source>
        <translation>（沒有檔案）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” cannot be read (%2), so the difference cannot be shown.</source>
        <translation>無法讀取「%1」（%2），因此無法顯示差異。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too large</source>
        <translation>檔案過大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot compare</source>
        <translation>無法比較</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file on disk already holds exactly this text: nothing was lost, so Discard is safe.</source>
        <translation>磁碟上的檔案內容與此完全相同：沒有遺失任何內容，可以放心捨棄。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No differences</source>
        <translation>沒有差異</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” was changed on disk after the editor loaded it (another program, or a later save). Lines marked − are on disk now, lines marked + are in the recovered copy.</source>
        <translation>編輯器載入「%1」之後，磁碟上的檔案又被修改過（其他程式或之後的儲存）。標示 − 的行是磁碟上目前的內容，標示 + 的行是復原副本中的內容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the recovered copy changes in “%1”: lines marked − are on disk now, lines marked + are in the copy.</source>
        <translation>復原副本對「%1」的變更：標示 − 的行是磁碟上目前的內容，標示 + 的行是副本中的內容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on disk: %1</source>
        <translation>磁碟上：%1</translation>
    </message>
</context>
<context>
    <name>frontmark::RenderWorker</name>
    <message>
        <location filename="../../app/core/live/renderworker.cpp" line="+65"/>
        <source>This post has %1 characters; the preview shows the first %2, up to line %3, so the window stays responsive. Everything after it is kept and published as written.</source>
        <translation>這篇文章有 %1 個字元；預覽只顯示前 %2 個（到第 %3 行為止），讓視窗保持流暢。其後的內容都會保留，並照原樣發布。</translation>
    </message>
</context>
<context>
    <name>frontmark::Renderer</name>
    <message>
        <location filename="../../app/core/render/markdownrenderer.cpp" line="+555"/>
        <source>The image “%1” is not in the site&apos;s static or content folders; the published page will show it broken.</source>
        <translation>圖片「%1」不在網站的 static 或 content 資料夾中；發布後的頁面會顯示為破圖。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hugo omits raw HTML such as “%1” unless the site sets markup.goldmark.renderer.unsafe = true.</source>
        <translation>除非網站設定 markup.goldmark.renderer.unsafe = true，否則 Hugo 會省略「%1」這類原始 HTML。</translation>
    </message>
    <message>
        <location filename="../../app/core/render/tablelimits.cpp" line="+141"/>
        <source>This table has %1 columns; Frontmark&apos;s preview lays out at most %2, so it shows the table as text (Hugo still renders it as a table).</source>
        <translation>這個表格有 %1 欄；Frontmark 的預覽最多排版 %2 欄，因此以文字顯示這個表格（Hugo 仍會把它轉成表格）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The tables of this post have more than %1 cells; Frontmark&apos;s preview shows this table and any later large one as text (Hugo still renders them as tables). Split the post to see them.</source>
        <translation>這篇文章的表格超過 %1 格；Frontmark 的預覽會把這個表格及之後的大表格以文字顯示（Hugo 仍會把它們轉成表格）。請拆分文章以檢視。</translation>
    </message>
</context>
<context>
    <name>frontmark::Shortcodes</name>
    <message>
        <location filename="../../app/core/render/builtinshortcodes.cpp" line="+84"/>
        <source>Too many shortcode problems; fix the ones above first.</source>
        <translation>短代碼問題太多；請先修正上面列出的問題。</translation>
    </message>
    <message>
        <location line="+440"/>
        <source>The “youtube” shortcode needs a video id.</source>
        <translation>「youtube」短代碼需要影片 ID。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The “vimeo” shortcode needs a video id, as its first argument or as id=….</source>
        <translation>「vimeo」短代碼需要影片 ID，可作為第一個參數或寫成 id=…。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The “gist” shortcode needs the user and the gist id: {{&lt; gist user id &gt;}}.</source>
        <translation>「gist」短代碼需要使用者與 gist ID：{{&lt; gist user id &gt;}}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hugo deprecated the “gist” shortcode in v0.143.0 and will remove it.</source>
        <translation>Hugo 已在 v0.143.0 棄用「gist」短代碼，之後將會移除。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The “param” shortcode needs a key: {{&lt; param key &gt;}}.</source>
        <translation>「param」短代碼需要一個鍵：{{&lt; param key &gt;}}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Param “%1” not found in the front matter or the site params.</source>
        <translation>在前置資料或網站的 params 中找不到參數「%1」。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The “%1” shortcode needs a page path.</source>
        <translation>「%1」短代碼需要頁面路徑。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>REF_NOT_FOUND: Ref “%1”: page not found.</source>
        <translation>REF_NOT_FOUND：Ref「%1」：找不到頁面。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Hugo deprecated the “%1” shortcode in v0.142.0 and will remove it; use “x”.</source>
        <translation>Hugo 已在 v0.142.0 棄用「%1」短代碼，之後將會移除；請改用「x」。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The “%1” shortcode needs two named arguments: user and id.</source>
        <translation>「%1」短代碼需要兩個具名參數：user 與 id。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The “%1” shortcode needs the post id as its first argument.</source>
        <translation>「%1」短代碼的第一個參數必須是貼文 ID。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The “vimeo_simple” shortcode needs a video id.</source>
        <translation>「vimeo_simple」短代碼需要影片 ID。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Hugo deprecated the “comment” shortcode in v0.143.0; use an HTML comment.</source>
        <translation>Hugo 已在 v0.143.0 棄用「comment」短代碼；請改用 HTML 註解。</translation>
    </message>
    <message>
        <location filename="../../app/core/render/shortcodes.cpp" line="+148"/>
        <source>Unexpected “%1” at the start of a shortcode; a name must follow “{{&lt;” or “{{%”.</source>
        <translation>短代碼開頭出現了不該有的「%1」；「{{&lt;」或「{{%」之後必須接名稱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected “%1” in shortcode “%2”; put arguments that contain symbols in quotes.</source>
        <translation>短代碼「%2」中出現了不該有的「%1」；含有符號的參數請加上引號。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quoted argument is not closed before the end of the line.</source>
        <translation>加引號的參數在行尾之前沒有結束。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+135"/>
        <source>Unrecognized escape “\`” in a shortcode argument.</source>
        <translation>短代碼參數中有無法辨識的跳脫序列「\`」。</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Raw string argument (`…`) is not closed.</source>
        <translation>原始字串參數（`…`）沒有結束。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Escaped shortcode is not closed: end it with “*/%1”.</source>
        <translation>跳脫的短代碼沒有結束：請以「*/%1」結尾。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+109"/>
        <source>Shortcode is not closed: add “%1” after its arguments.</source>
        <translation>短代碼沒有結束：請在參數後加上「%1」。</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>A shortcode name can contain “.” only to end in “.inline”.</source>
        <translation>短代碼名稱只有在以「.inline」結尾時才能包含「.」。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A closing tag takes no arguments: write “{{%1 /%2 %3”.</source>
        <translation>結束標籤不接受參數：請寫成「{{%1 /%2 %3」。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Shortcode has no name.</source>
        <translation>短代碼沒有名稱。</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>Closing tag “{{%1 /%2 %3}}” has no opening “{{%1 %2 %3}}” before it.</source>
        <translation>結束標籤「{{%1 /%2 %3}}」之前沒有對應的開始標籤「{{%1 %2 %3}}」。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shortcode “%1” mixes positional and named arguments; Hugo accepts only one kind per call.</source>
        <translation>短代碼「%1」混用了位置參數與具名參數；Hugo 每次呼叫只接受其中一種。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Shortcodes are nested more than %1 levels deep; the preview shows the inner ones as written.</source>
        <translation>短代碼巢狀超過 %1 層；預覽會照原文顯示內層的短代碼。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>unknown shortcode %1: the site&apos;s theme renders it; the preview shows a placeholder</source>
        <translation>未知的短代碼 %1：由網站的佈景主題轉譯；預覽會顯示預留位置</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>inline shortcode %1: Hugo runs its template; the preview shows a placeholder</source>
        <translation>內嵌短代碼 %1：由 Hugo 執行它的範本；預覽會顯示預留位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inline shortcode “%1” renders nothing: the site does not set enableInlineShortcodes.</source>
        <translation>內嵌短代碼「%1」不會產生任何內容：網站沒有設定 enableInlineShortcodes。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The preview cannot draw Hugo&apos;s “%1” shortcode; it shows a placeholder.</source>
        <translation>預覽無法繪製 Hugo 的「%1」短代碼；會改為顯示預留位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shortcode “%1” needs a closing “{{%2 /%1 %3}}”, or end it with “/%3}}”.</source>
        <translation>短代碼「%1」需要結束標籤「{{%2 /%1 %3}}」，或以「/%3}}」結尾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shortcode “%1” takes no inner content, yet it is closed; remove its closing tag or “/”.</source>
        <translation>短代碼「%1」不接受內部內容，卻有結束標籤；請移除它的結束標籤或「/」。</translation>
    </message>
</context>
<context>
    <name>frontmark::Site</name>
    <message>
        <location filename="../../app/core/site/site.cpp" line="+131"/>
        <source>Cannot read the site configuration: %1.</source>
        <translation>無法讀取網站設定：%1。</translation>
    </message>
    <message>
        <location line="+271"/>
        <source>The site folder does not exist or is not a folder.</source>
        <translation>網站資料夾不存在，或不是資料夾。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This folder has no Hugo configuration: add hugo.toml (or hugo.yaml, hugo.json) or a config/_default folder.</source>
        <translation>這個資料夾沒有 Hugo 設定：請加入 hugo.toml（或 hugo.yaml、hugo.json）或 config/_default 資料夾。</translation>
    </message>
</context>
<context>
    <name>frontmark::SiteDestinationFields</name>
    <message>
        <location filename="../../ui/publish/sitedestinationfields.cpp" line="+58"/>
        <source>The folder that holds the site’s hugo.toml</source>
        <translation>存放網站 hugo.toml 的資料夾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hugo &amp;site:</source>
        <translation>Hugo 網站(&amp;S)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;ection:</source>
        <translation>區段(&amp;E)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File name:</source>
        <translation>檔名(&amp;F)：</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The site’s configuration has an error: %1</source>
        <translation>網站設定有錯誤：%1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>A file name cannot contain “/” or “\”.</source>
        <translation>檔名不能包含「/」或「\」。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another file name.</source>
        <translation>請選擇其他檔名。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose the Hugo Site</source>
        <translation>選擇 Hugo 網站</translation>
    </message>
</context>
<context>
    <name>frontmark::TokenEdit</name>
    <message>
        <location filename="../../ui/frontmatter/tokenedit.cpp" line="+55"/>
        <source>term, term, …</source>
        <translation>項目、項目、…</translation>
    </message>
</context>
<context>
    <name>frontmark::Validator</name>
    <message>
        <location filename="../../app/core/publish/validator.cpp" line="-161"/>
        <source>“%1” is not a date Hugo can read (%2); write it like 2025-05-12T14:30:25+08:00 or 2025-05-12.</source>
        <translation>「%1」不是 Hugo 能讀取的日期（%2）；請寫成 2025-05-12T14:30:25+08:00 或 2025-05-12 這樣的格式。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“%1” sets render to %2: Hugo builds no page for this post, so publishing it shows nothing on the site.</source>
        <translation>「%1」把 render 設為 %2：Hugo 不會為這篇文章產生頁面，因此發布後網站上看不到它。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>“%1” must be text, but it is %2 (%3); put it in quotes.</source>
        <translation>「%1」必須是文字，但它是%2（%3）；請加上引號。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” is in the future (%2); Hugo will not publish the post until then unless the site builds with buildFuture.</source>
        <translation>「%1」是未來的時間（%2）；除非網站以 buildFuture 建置，否則 Hugo 在那之前不會發布這篇文章。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has passed (%2); Hugo will not publish an expired post unless the site builds with buildExpired.</source>
        <translation>「%1」已經過了（%2）；除非網站以 buildExpired 建置，否則 Hugo 不會發布已過期的文章。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is the text &quot;%2&quot;; write it without quotes so it is a true/false value.</source>
        <translation>「%1」是文字 &quot;%2&quot;；請拿掉引號，讓它成為 true/false 值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” must be true or false, but it is %2 (%3).</source>
        <translation>「%1」必須是 true 或 false，但它是%2（%3）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is a full address (%2); Hugo stops the build on a page URL with http:// or https://. Write a path such as /about/.</source>
        <translation>「%1」是完整網址（%2）；頁面網址含有 http:// 或 https:// 時 Hugo 會停止建置。請寫成路徑，例如 /about/。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” must be a list like [&quot;a&quot;, &quot;b&quot;] or a single text, but it is %2.</source>
        <translation>「%1」必須是像 [&quot;a&quot;, &quot;b&quot;] 這樣的清單或單一文字，但它是%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each entry of “%1” must be a single term, but one is %2.</source>
        <translation>「%1」的每個項目都必須是單一詞彙，但其中一個是%2。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.cpp" line="+122"/>
        <source>Markdown editor for Hugo posts</source>
        <translation>撰寫 Hugo 文章的 Markdown 編輯器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The posts to open (each in its own window).</source>
        <translation>要開啟的文章（每篇各開一個視窗）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window once the preview is ready, then quit.</source>
        <translation>預覽就緒後將視窗存成圖片，然後結束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with the offline preview.</source>
        <translation>以離線預覽啟動。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window size, e.g. 1400x900.</source>
        <translation>視窗大小，例如 1400x900。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep recovery copies of unsaved posts in DIR (default: %1).</source>
        <translation>將未儲存文章的復原副本保存在 DIR（預設：%1）。</translation>
    </message>
</context>
</TS>
