import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// What a person who cannot read hears, on the demo pack and its speech: the greeting
// when they touch the attract screen, each language's name, the question of the paper
// screen, the label of each button they touch, and the idle warning's chime and
// question. Languages without a voice stay silent instead of failing.
TestCase {
    id: root
    name: "Speech"
    when: windowShown
    visible: true
    width: 1920
    height: 1080

    Component {
        id: screenComponent
        KioskScreen { width: root.width; height: root.height }
    }

    property Item screen

    function findNamed(item: Item, name: string): Item {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function tap(name: string) {
        let item = null
        tryVerify(() => (item = findNamed(screen, name)) !== null && item.visible, 2000, "no visible item named " + name)
        waitForRendering(screen)
        mouseClick(item)
    }

    function lastPlayed(): string {
        return FakeAudio.played.length > 0 ? FakeAudio.played[FakeAudio.played.length - 1] : ""
    }

    function languageRow(code: string): var {
        const model = Qt.createQmlObject("import Passerelle.Kiosk; LanguageListModel {}", root)
        model.content = Content
        model.language = "fr"
        for (let i = 0; i < model.count; ++i) {
            if (model.get(i).code === code)
                return model.get(i)
        }
        return null
    }

    function noticeAudio(language: string): string {
        return Content.labelAudio("this-voice-is-made-by-a-computer", language)
    }

    // The demo pack's speech is all synthetic: the first clip of a session comes after the
    // machine-voice notice. The tests that are not about the notice have it said first.
    function announceMachineVoice() {
        Narrator.say([Content.labelAudio("home", Session.language)])
        compare(Narrator.machineVoiceAnnounced, true)
        FakeAudio.finish()
        FakeAudio.finish()
        FakeAudio.clear()
    }

    function init() {
        Services.endSession()
        FakeAudio.clear()
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
        compare(Navigator.route, "attract")
        announceMachineVoice()
    }

    function test_attractIsSilentUntilTouchedThenGreets() {
        tryVerify(() => findNamed(screen, "greeting").text.length > 0)
        wait(300)
        compare(FakeAudio.played.length, 0) // nothing plays by itself
        const area = findNamed(screen, "attractArea")
        waitForRendering(screen)
        const shown = findNamed(screen, "greeting").language // the greetings change every 2.5 s
        mouseClick(area)
        verify(shown.greetingAudio.length > 0, "the demo pack speaks its greetings")
        compare(lastPlayed(), shown.greetingAudio)
        compare(Navigator.route, "language")
    }

    function test_touchingALanguageSaysItsName() {
        Navigator.go("language")
        for (const code of ["ar", "uk", "tr"]) {
            const row = languageRow(code)
            verify(row.audio.length > 0, code + " has its name spoken")
            tap("language_" + code)
            compare(lastPlayed(), row.audio)
            compare(Narrator.speaking, false) // a cue, not reading: the idle timer still runs
            compare(IdleTimer.running, true)
        }
        // Tigrinya has no voice: touching it selects it in silence, without an error.
        const before = FakeAudio.played.length
        tap("language_ti")
        compare(FakeAudio.played.length, before)
        compare(Narrator.failed, false)
    }

    function test_thePaperScreenAsksItsQuestionAloud() {
        Navigator.go("language")
        tap("language_ar")
        FakeAudio.clear()
        tap("languageConfirm")
        compare(Navigator.route, "status")
        const question = Content.labelAudio("which-paper-do-you-have", "ar")
        verify(question.length > 0)
        tryVerify(() => lastPlayed() === question)
        // Each paper says its name when touched.
        FakeAudio.clear()
        tap("status_refugee")
        verify(lastPlayed().length > 0)
        compare(Navigator.route, "home")
    }

    function test_buttonsSayTheirLabelInTheVisitorsLanguage() {
        Session.language = "uk"
        Navigator.go("home")
        FakeAudio.clear()
        tap("topic_housing")
        const housing = Content.topicAudio("housing", "uk")
        verify(housing.length > 0)
        compare(FakeAudio.played, [housing])
        tap("homeButton")
        compare(lastPlayed(), Content.labelAudio("home", "uk"))
        verify(lastPlayed().length > 0)
        // The title of a screen says itself when touched.
        FakeAudio.clear()
        tap("hearTitle")
        compare(FakeAudio.played, [Content.labelAudio("what-do-you-need", "uk")])
    }

    function test_audioControlsDoNotSpeakTheirLabel() {
        Session.language = "fr"
        Navigator.go("page/amu-steps")
        tryVerify(() => findNamed(screen, "audioPlay") !== null && findNamed(screen, "audioPlay").visible)
        FakeAudio.clear()
        tap("audioPlay")
        compare(Narrator.speaking, true)
        compare(Narrator.currentIndex >= 0, true)
        compare(FakeAudio.played.length, 1) // the first block, not the word "Listen"
        Narrator.stop()
    }

    function test_idleWarningChimesThenAsks() {
        Navigator.go("language")
        tap("language_en")
        tap("languageConfirm")
        FakeAudio.clear()
        tryCompare(IdleTimer, "warning", true, 6000)
        compare(FakeAudio.played, [Narrator.chime()])
        FakeAudio.finish()
        compare(FakeAudio.played, [Narrator.chime(), Content.labelAudio("are-you-still-there", "en")])
        verify(FakeAudio.played[1].length > 0)
        tap("moreTime")
        compare(IdleTimer.warning, false)
    }

    // Issue #12: the emergency button's label ("Urgence 112" on screen) is spoken by its id.
    function test_emergencyButtonSaysItsLabel() {
        Session.language = "fr"
        Navigator.go("home")
        FakeAudio.clear()
        tap("emergencyButton")
        const label = Content.labelAudio("emergency", "fr")
        verify(label.length > 0, "the demo pack speaks the label 'emergency' in French")
        compare(FakeAudio.played, [label])
        compare(Navigator.route, "emergency")
    }

    // Every button of every screen that speaks asks for a clip, in a language with a voice.
    // A button is pressed, then the finger slides off it and lifts: it speaks but does not act.
    function pressWithoutClicking(button: Item) {
        mousePress(button, button.width / 2, button.height / 2)
        const off = button.mapToItem(root, 0, 0).y > 2 ? [button.width / 2, -2] : [button.width / 2, button.height + 2]
        mouseMove(button, off[0], off[1], -1, Qt.LeftButton)
        mouseRelease(button, off[0], off[1])
    }

    function speakingButtons(item: Item, out: var) {
        if (!item || item.children === undefined)
            return out
        if (item.speaks !== undefined && item.pictogramName !== undefined && item.speaks && item.visible && item.enabled)
            out.push(item)
        for (let i = 0; i < item.children.length; ++i)
            speakingButtons(item.children[i], out)
        return out
    }

    function flickables(item: Item, out: var) {
        if (!item || item.children === undefined)
            return out
        if (item.contentY !== undefined && item.flickableDirection !== undefined && item.visible)
            out.push(item)
        for (let i = 0; i < item.children.length; ++i)
            flickables(item.children[i], out)
        return out
    }

    // True when the button's centre is on screen, not clipped away by a scrolled list.
    function touchable(button: Item): bool {
        const c = button.mapToItem(root, button.width / 2, button.height / 2)
        for (let p = button.parent; p; p = p.parent) {
            if (!p.clip)
                continue
            const r = p.mapToItem(root, 0, 0)
            if (c.x < r.x || c.y < r.y || c.x > r.x + p.width || c.y > r.y + p.height)
                return false
        }
        return c.x >= 0 && c.y >= 0 && c.x <= root.width && c.y <= root.height
    }

    function routesOfThePack(): var {
        const routes = ["home", "language", "status", "emergency"]
        const topics = Qt.createQmlObject("import Passerelle.Kiosk; TopicListModel {}", root)
        topics.content = Content
        topics.language = "fr"
        for (let t = 0; t < topics.count; ++t) {
            const topic = topics.get(t).topicId
            routes.push("topic/" + topic)
            const pages = Qt.createQmlObject("import Passerelle.Kiosk; PageListModel {}", root)
            pages.content = Content
            pages.language = "fr"
            pages.topic = topic
            for (let p = 0; p < pages.count; ++p)
                routes.push("page/" + pages.get(p).pageId)
        }
        return routes
    }

    function test_everyButtonThatSpeaksHasAClip() {
        Session.language = "fr"
        const silent = []
        let pressed = 0
        let first = true
        for (const route of routesOfThePack()) {
            Navigator.go(route)
            tryVerify(() => findNamed(screen, "screen").item !== null)
            waitForRendering(screen)
            // The navigation bar is the same on every screen: pressed once.
            const under = first ? screen : findNamed(screen, "screen").item
            first = false
            // Lists are scrolled through, so that each of their buttons is seen and touched.
            const lists = flickables(under, [])
            const list = lists.length > 0 ? lists[0] : null
            const done = []
            for (let step = 0; step < 50; ++step) {
                if (list && step > 0) {
                    list.contentY = Math.min(step * list.height / 2, Math.max(0, list.contentHeight - list.height)) + list.originY
                    wait(50) // delegates come into view
                }
                for (const button of speakingButtons(under, [])) {
                    if (done.includes(button) || !touchable(button))
                        continue
                    done.push(button)
                    // A language without a voice (ps, ti, so) says nothing of its name: content, not a label.
                    if (button.objectName.startsWith("language_") && languageRow(button.objectName.substring(9)).audio === "")
                        continue
                    FakeAudio.clear()
                    pressWithoutClicking(button)
                    ++pressed
                    compare(Navigator.route, route, button.objectName + " acted instead of only speaking")
                    if (FakeAudio.played.length === 0 || FakeAudio.played[0].length === 0)
                        silent.push(route + ": " + (button.objectName || "a button") + " '" + button.text + "'")
                    Narrator.stop()
                }
                if (!list || list.contentY - list.originY >= list.contentHeight - list.height - 1)
                    break
            }
        }
        verify(pressed > 40, "pressed " + pressed + " buttons")
        compare(silent, [], "buttons that say nothing in French")
    }

    // ACCESSIBILITY.md req. 2: the first synthetic clip of a session comes after the notice,
    // said in the visitor's language and shown; not again in the session; again for the next visitor.
    function test_machineVoiceIsAnnouncedOncePerSession() {
        Services.endSession()
        FakeAudio.clear()
        const banner = findNamed(screen, "machineVoiceNotice")
        verify(banner)
        compare(banner.visible, false)
        compare(Narrator.machineVoiceAnnounced, false)
        Session.language = "uk"
        Navigator.go("home")
        const notice = noticeAudio("uk")
        verify(notice.length > 0, "the notice is spoken in Ukrainian")
        verify(notice !== noticeAudio("fr"))
        tap("homeButton")
        compare(FakeAudio.played, [notice]) // first the notice...
        compare(banner.visible, true)       // ...which is shown too
        FakeAudio.finish()
        compare(FakeAudio.played, [notice, Content.labelAudio("home", "uk")]) // then the label
        FakeAudio.finish()
        // Not again in this session, on a label or on a page.
        tap("contrastToggle")
        compare(FakeAudio.played, [notice, Content.labelAudio("home", "uk"), Content.labelAudio("contrast", "uk")])
        FakeAudio.finish()
        tryCompare(banner, "visible", false, 7000) // once said and its few seconds over
        // A new visitor hears it again.
        Services.endSession()
        compare(banner.visible, false)
        Session.language = "ar"
        Navigator.go("home")
        FakeAudio.clear()
        tap("homeButton")
        compare(FakeAudio.played, [noticeAudio("ar")])
        compare(banner.visible, true)
        FakeAudio.finish()
        compare(FakeAudio.played, [noticeAudio("ar"), Content.labelAudio("home", "ar")])
    }

    function test_machineVoiceNoticeBeforeReadingAPage() {
        Services.endSession()
        Session.language = "fr"
        Navigator.go("page/amu-steps")
        tryVerify(() => findNamed(screen, "audioPlay") !== null && findNamed(screen, "audioPlay").visible)
        FakeAudio.clear()
        tap("audioPlay")
        compare(FakeAudio.played, [noticeAudio("fr")])
        compare(Narrator.currentIndex, 0)
        FakeAudio.finish()
        compare(FakeAudio.played.length, 2) // then the first block
        verify(FakeAudio.played[1] !== noticeAudio("fr"))
        FakeAudio.finish()
        compare(FakeAudio.played.length, 3) // the next block: no notice between blocks
        Narrator.stop()
    }

    // The page footer ("Vérifié le ...") is heard: at the end of the page, and on a touch.
    function test_pageFooterCanBeHeard() {
        Session.language = "fr"
        Navigator.go("page/amu-steps")
        const model = Qt.createQmlObject("import Passerelle.Kiosk; PageModel {}", root)
        model.content = Content
        model.language = "fr"
        model.pageId = "amu-steps"
        verify(model.found)
        verify(model.footerAudio.length > 0, "the footer has a clip in French")
        compare(model.readingFiles.length, model.audioFiles.length + 1)
        compare(model.readingFiles[model.readingFiles.length - 1], model.footerAudio)
        FakeAudio.clear()
        tap("hearFooter")
        compare(FakeAudio.played, [model.footerAudio])
        compare(Narrator.currentIndex, model.audioFiles.length)
        FakeAudio.finish()
        compare(Narrator.speaking, false)
        // Reading the whole page ends with the footer.
        FakeAudio.clear()
        tap("audioPlay")
        for (let i = 0; i < model.readingFiles.length && Narrator.currentIndex < model.audioFiles.length; ++i)
            FakeAudio.finish()
        compare(Narrator.currentIndex, model.audioFiles.length)
        compare(lastPlayed(), model.footerAudio)
        compare(FakeAudio.played.length, model.readingFiles.filter(f => f.length > 0).length)
        Narrator.stop()
    }
}
