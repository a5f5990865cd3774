<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AttractPage</name>
    <message>
        <location filename="../qml/pages/AttractPage.qml" line="58"/>
        <source>Touch the screen to start</source>
        <translation>Коснитесь экрана, чтобы начать</translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="22"/>
        <source>Listen</source>
        <extracomment>Audio: read the whole page aloud</extracomment>
        <translation>Слушать</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="31"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="31"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="40"/>
        <source>Repeat</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="49"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="59"/>
        <source>Quieter</source>
        <extracomment>Audio: quieter</extracomment>
        <translation>Тише</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="71"/>
        <source>Louder</source>
        <extracomment>Audio: louder</extracomment>
        <translation>Громче</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="85"/>
        <source>No audio in this language.</source>
        <extracomment>Shown instead of the play button when a language has no audio</extracomment>
        <translation>Нет аудио на этом языке.</translation>
    </message>
</context>
<context>
    <name>BlockView</name>
    <message>
        <location filename="../qml/components/BlockView.qml" line="63"/>
        <source>Listen to this part</source>
        <extracomment>Reads one block of a page aloud</extracomment>
        <translation>Прослушать эту часть</translation>
    </message>
    <message>
        <location filename="../qml/components/BlockView.qml" line="178"/>
        <source>Some of this may have changed: check at the desk.</source>
        <extracomment>Under a service whose address, phone or hours no recent source confirms</extracomment>
        <translation>Некоторые данные могли измениться: уточните на стойке.</translation>
    </message>
    <message>
        <location filename="../qml/components/BlockView.qml" line="191"/>
        <source>QR code with this contact, for your phone</source>
        <translation>QR-код с этим контактом для вашего телефона</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="31"/>
        <source>This page is not in the current content.</source>
        <translation>Этой страницы нет в текущем содержимом.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="114"/>
        <source>Checked on %1</source>
        <extracomment>Page footer; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>Проверено %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="123"/>
        <source>Not translated yet: shown in French.</source>
        <extracomment>Page footer when the page has no translation in the visitor&apos;s language yet</extracomment>
        <translation>Ещё не переведено: показано на французском.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="131"/>
        <source>Machine translation: ask a social worker if something is unclear.</source>
        <extracomment>Page footer for pages translated by a machine</extracomment>
        <translation>Машинный перевод: спросите социального работника, если что-то непонятно.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="137"/>
        <source>Page code %1</source>
        <translation>Код страницы %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="178"/>
        <source>QR code with this page, for your phone</source>
        <translation>QR-код с этой страницей для вашего телефона</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="14"/>
        <source>What do you need?</source>
        <extracomment>Home screen question above the four topics</extracomment>
        <translation>Что вам нужно?</translation>
    </message>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="78"/>
        <source>Which paper do you have?</source>
        <extracomment>Button on the home screen: choose which residence document you hold</extracomment>
        <translation>Какой у вас документ?</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="38"/>
        <source>Are you still there?</source>
        <extracomment>Idle warning: the session is about to end</extracomment>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="45"/>
        <source>Everything will be erased in %1 seconds.</source>
        <extracomment>Idle warning; %1 is a number of seconds</extracomment>
        <translation>Всё будет стёрто через %1 с.</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="57"/>
        <source>More time</source>
        <extracomment>Idle warning button: keep the session going</extracomment>
        <translation>Больше времени</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../qml/KioskScreen.qml" line="93"/>
        <source>This voice is made by a computer</source>
        <extracomment>Shown (and said) before the first machine-made speech of a visit</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Этот голос создан компьютером</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../qml/pages/LanguagePage.qml" line="70"/>
        <source>OK</source>
        <extracomment>Confirms the chosen language</extracomment>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="50"/>
        <source>Home</source>
        <extracomment>Navigation button: back to the four topics</extracomment>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="61"/>
        <source>Back</source>
        <extracomment>Navigation button: previous screen</extracomment>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="81"/>
        <source>Listen</source>
        <extracomment>Toggle on every screen: speech mode, every item said aloud (touch and hold to turn on)</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Слушать</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="84"/>
        <source>Touch and hold to hear everything.</source>
        <extracomment>Said on a short touch of the Listen toggle while speech mode is off</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Коснитесь и удерживайте, чтобы слышать всё.</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="105"/>
        <source>Bigger text</source>
        <extracomment>Toggle: bigger text</extracomment>
        <translation>Крупный текст</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="119"/>
        <source>Contrast</source>
        <extracomment>Toggle: high-contrast colours</extracomment>
        <translation>Контраст</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="133"/>
        <source>Language</source>
        <extracomment>Navigation button: choose another language</extracomment>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="145"/>
        <source>Emergency</source>
        <extracomment>Navigation button: emergency numbers (112)</extracomment>
        <translation>Экстренная помощь</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="43"/>
        <source>Out of service</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="44"/>
        <source>This kiosk cannot show its information at the moment. Please ask at the reception desk.</source>
        <translation>Этот киоск сейчас не может показать информацию. Пожалуйста, обратитесь на ресепшн.</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="46"/>
        <source>Emergencies</source>
        <translation>Экстренные службы</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="48"/>
        <source>Doctor on duty, evenings and weekends</source>
        <extracomment>1733, the doctor on duty when the GP&apos;s practice is closed</extracomment>
        <translation>Дежурный врач, вечером и в выходные</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="50"/>
        <source>From a foreign SIM card</source>
        <extracomment>Followed by the number to call from a phone with a foreign SIM card</extracomment>
        <translation>С иностранной SIM-карты</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="51"/>
        <source>Poison centre, free, day and night</source>
        <translation>Токсикологический центр, бесплатно, круглосуточно</translation>
    </message>
</context>
<context>
    <name>SpeechMode</name>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="30"/>
        <source>topic</source>
        <comment>Speech mode: said after a topic&apos;s name (Housing, topic, 2 of 4)</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="31"/>
        <source>page</source>
        <comment>Speech mode: said after the title of a page in a topic&apos;s list</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>страница</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="32"/>
        <source>paper</source>
        <comment>Speech mode: said after a residence document the visitor can choose</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>документ</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="33"/>
        <source>button</source>
        <comment>Speech mode: said after a button&apos;s label</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>кнопка</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="34"/>
        <source>part of the page</source>
        <comment>Speech mode: where the focus is on a page (help): part of the page, 2 of 7</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>часть страницы</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="35"/>
        <source>on</source>
        <comment>Speech mode: a toggle (bigger text, contrast) that is switched on</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>включено</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="36"/>
        <source>off</source>
        <comment>Speech mode: a toggle that is switched off</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>выключено</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="37"/>
        <source>%1 of %2</source>
        <comment>Speech mode: an item&apos;s place on the screen, 2 of 4</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="39"/>
        <source>Speech is on. Touch the screen to hear what is there, touch twice to choose. Or use the keys.</source>
        <comment>Speech mode: said when it is turned on</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Озвучивание включено. Коснитесь экрана, чтобы услышать, что на нём, коснитесь дважды, чтобы выбрать. Или используйте клавиши.</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="44"/>
        <source>Arrows, or 2 and 8: move. Enter or 5: choose, play or pause. Escape or 0: back. Slash: home. Plus and minus: volume. F1 or the dot: help.</source>
        <comment>Speech mode: the help key&apos;s explanation of the keys (keyboard and number pad)</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Стрелки, или 2 и 8: перемещение. Энтер или 5: выбрать, воспроизвести или приостановить. Эскейп или 0: назад. Косая черта: главная. Плюс и минус: громкость. Эф 1 или точка: справка.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="55"/>
        <source>Side by side with French</source>
        <extracomment>Social-worker panel: show each page in the visitor&apos;s language and in French</extracomment>
        <translation>Рядом с французским</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="62"/>
        <source>Change the paper</source>
        <translation>Сменить документ</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="70"/>
        <source>New visitor</source>
        <extracomment>Social-worker panel: erase everything and go back to the start</extracomment>
        <translation>Новый посетитель</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="86"/>
        <location filename="../qml/components/StaffPanel.qml" line="87"/>
        <source>Staff PIN</source>
        <translation>PIN персонала</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="95"/>
        <source>Operator screen</source>
        <translation>Экран оператора</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="111"/>
        <source>Wrong PIN: wait %1 s.</source>
        <extracomment>After a wrong staff PIN; %1 is a number of seconds</extracomment>
        <translation>Неверный PIN: подождите %1 с.</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="124"/>
        <source>Code, e.g. S2</source>
        <extracomment>Placeholder of the field where a social worker types a page code such as S2</extracomment>
        <translation>Код, напр. S2</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="126"/>
        <source>Page code</source>
        <translation>Код страницы</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="135"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="151"/>
        <location filename="../qml/components/StaffPanel.qml" line="153"/>
        <source>Search</source>
        <extracomment>Placeholder of the search field</extracomment>
        <translation>Поиск</translation>
    </message>
</context>
<context>
    <name>StatusListModel</name>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="25"/>
        <source>I don&apos;t know / I have no paper</source>
        <translation>Не знаю / у меня нет документа</translation>
    </message>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="27"/>
        <source>General information, and where to ask.</source>
        <translation>Общая информация и где спросить.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../qml/pages/StatusPage.qml" line="15"/>
        <source>Which paper do you have?</source>
        <extracomment>Title of the screen where the visitor shows which residence document they hold</extracomment>
        <translation>Какой у вас документ?</translation>
    </message>
</context>
<context>
    <name>TopicPage</name>
    <message>
        <location filename="../qml/pages/TopicPage.qml" line="57"/>
        <source>Nothing here applies to your paper. Please ask at the desk.</source>
        <extracomment>Shown when no page of a topic applies to the chosen residence status</extracomment>
        <translation>Здесь нет ничего для вашего документа. Спросите на стойке.</translation>
    </message>
</context>
</TS>
