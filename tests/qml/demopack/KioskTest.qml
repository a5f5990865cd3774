import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// What the speech-mode tests share: a whole kiosk screen on the demo pack, watched as the
// kiosk watches its window (keys, touches), and what the visitor heard.
TestCase {
    id: root
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

    function named(name: string): Item {
        let item = null
        tryVerify(() => (item = findNamed(screen, name)) !== null && item.visible, 2000, "no visible item named " + name)
        return item
    }

    function languageAudio(code: string): string {
        const model = Qt.createQmlObject("import Passerelle.Kiosk; LanguageListModel {}", root)
        model.content = Content
        model.language = "fr"
        for (let i = 0; i < model.count; ++i) {
            if (model.get(i).code === code)
                return model.get(i).audio
        }
        return ""
    }

    // What each part of SpeechMode.said is heard as, in the visitor's language.
    function fileOf(id: string): string {
        if (id.startsWith("language_"))
            return languageAudio(id.substring(9))
        if (id === "title")
            return named("screenTitle").speech
        const item = findNamed(screen, id)
        if (item)
            return item.spokenFile
        return Content.labelAudio(id, Session.language)
    }

    // What SpeechMode said last, as a copy (a property's list is read again at each use).
    function said(): var {
        return SpeechMode.said.slice()
    }

    // Every clip the narrator started since the last call, each played to its end.
    function heard(): var {
        for (let i = 0; i < 20 && FakeAudio.state === "playing"; ++i)
            FakeAudio.finish()
        const played = FakeAudio.played.slice()
        FakeAudio.clear()
        return played
    }

    // Checks what was said, as ids, then that the narrator was asked for exactly those
    // clips; in a language with a voice every one of them exists.
    function checkSaid(expected: var, voiced: bool) {
        compare(SpeechMode.said, expected)
        const files = expected.map(fileOf)
        if (voiced) {
            for (let i = 0; i < files.length; ++i)
                verify(files[i].length > 0, "no clip for " + expected[i] + " in " + Session.language)
        }
        compare(heard(), files.filter(f => f.length > 0))
    }

    // The demo pack's speech is all synthetic: the first clip of a session comes after the
    // machine-voice notice, which these tests have said first.
    function announceMachineVoice() {
        Narrator.say([Content.labelAudio("home", Session.language)])
        compare(Narrator.machineVoiceAnnounced, true)
        heard()
    }

    function init() {
        Services.endSession()
        FakeAudio.clear()
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
        compare(Navigator.route, "attract")
        compare(SpeechMode.active, false)
        announceMachineVoice()
    }

    function cleanup() {
        Services.endSession()
    }
}
