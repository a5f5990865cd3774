pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// One page: its blocks in order, then when it was checked and its short code.
Item {
    id: root
    required property string pageId

    PageModel {
        id: page
        content: Content
        language: Session.language
        pageId: root.pageId
    }

    // A social worker sees each block in French beside the visitor's language.
    readonly property bool sideBySide: Session.sideBySide
    PageModel {
        id: sourcePage
        content: Content
        language: root.sideBySide ? Session.sourceLanguage : ""
        pageId: root.pageId
    }

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        pictogram: page.pictogram
        text: page.found ? page.title : qsTr("This page is not in the current content.")
        labelId: page.found ? "" : "this-page-is-not-in-the-current-content"
        speech: page.found ? page.titleAudio : Content.labelAudio(labelId, Session.language)
    }

    AudioBar {
        id: audio
        anchors { top: title.bottom; left: parent.left; margins: Theme.margin }
        visible: page.found
        // The blocks, then the footer: the page is read to its end.
        files: page.readingFiles
    }

    ListView {
        id: blocks
        objectName: "blocks"
        anchors { top: audio.bottom; left: parent.left; right: parent.right; margins: Theme.margin - Theme.focusRingExtent }
        // Above the footer, and above the QR code when it is the taller of the two.
        anchors.bottom: pageQr.visible && pageQr.height > footer.height ? pageQr.top : footer.top
        spacing: Theme.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Every block exists, for the keys and speech mode to reach.
        cacheBuffer: 100000
        // Room for the focus ring of the items at the edges.
        leftMargin: Theme.focusRingExtent; rightMargin: Theme.focusRingExtent
        topMargin: Theme.focusRingExtent; bottomMargin: Theme.focusRingExtent
        model: page
        // A scope, so that when the view gives its current row the focus (the block being
        // read), the block in it has it.
        delegate: FocusScope {
            id: row
            required property var model
            required property int index
            width: ListView.view.width - 2 * Theme.focusRingExtent
            implicitHeight: Math.max(visitor.implicitHeight, french.visible ? french.implicitHeight : 0)

            BlockView {
                id: visitor
                focus: true
                width: root.sideBySide ? (row.width - Theme.margin) / 2 : row.width
                block: row.model
                index: row.index
                files: page.readingFiles
                placeCount: blocks.count
            }
            // The same block in French, for the social worker.
            BlockView {
                id: french
                objectName: "frenchBlock"
                activeFocusOnTab: false // the visitor's own block is the one the keys reach
                visible: root.sideBySide
                x: visitor.width + Theme.margin
                width: visitor.width
                block: root.sideBySide ? sourcePage.get(row.index) : ({})
                index: row.index
                files: sourcePage.audioFiles
                LayoutMirroring.enabled: false
                LayoutMirroring.childrenInherit: true
            }
        }
        // The block being read stays in view (the last one while the footer is read).
        currentIndex: Math.min(Narrator.currentIndex, count - 1)
        highlightFollowsCurrentItem: true
        highlightMoveDuration: 200
    }

    // Beside the QR code; its notes wrap to more lines on a narrow screen or in large text.
    Flow {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        anchors.rightMargin: Theme.margin + (pageQr.visible ? pageQr.width + Theme.gap : 0)
        spacing: Theme.gap * 2
        visible: page.found
        // A footer that can be heard is a touch target (see hearFooter below).
        height: page.footerAudio.length > 0 ? Math.max(implicitHeight, Theme.touchTarget) : implicitHeight

        KioskText {
            id: checkedOn
            width: Math.min(implicitWidth, footer.width)
            font.pixelSize: Theme.smallSize
            color: Theme.textMuted
            //: Page footer; %1 is a date such as "1 November 2026"
            text: qsTr("Checked on %1").arg(page.verifiedText)
        }
        KioskText {
            objectName: "untranslatedNotice"
            width: Math.min(implicitWidth, footer.width)
            font.pixelSize: Theme.smallSize
            color: Theme.textMuted
            visible: page.untranslated
            //: Page footer when the page has no translation in the visitor's language yet
            text: qsTr("Not translated yet: shown in French.")
        }
        KioskText {
            width: Math.min(implicitWidth, footer.width)
            font.pixelSize: Theme.smallSize
            color: Theme.textMuted
            visible: page.machineTranslated
            //: Page footer for pages translated by a machine
            text: qsTr("Machine translation: ask a social worker if something is unclear.")
        }
        KioskText {
            font.pixelSize: Theme.smallSize
            color: Theme.textMuted
            text: "\u2066" + page.code + "\u2069"
            Accessible.name: qsTr("Page code %1").arg(page.code)
        }
    }

    // The footer can be heard: it is the last item of the page's reading order, and a touch
    // on it reads it, as the listen button of a block does. Outlined while it is read.
    Item {
        id: footerReading
        readonly property int index: page.audioFiles.length
        readonly property bool reading: Narrator.speaking && Narrator.currentIndex === index
    }
    Rectangle {
        x: footer.x - Theme.mm(1); y: footer.y - Theme.mm(1)
        width: footer.width + Theme.mm(2); height: footer.height + Theme.mm(2)
        visible: footer.visible && footerReading.reading
        color: "transparent"
        border.color: Theme.accent
        border.width: Theme.borderWidth * 2
        radius: Theme.radius
    }
    MouseArea {
        objectName: "hearFooter"
        x: footer.x; y: footer.y; width: footer.width; height: footer.height
        visible: footer.visible && page.footerAudio.length > 0
        property bool keepsSpeech: true
        Accessible.role: Accessible.Button
        Accessible.name: checkedOn.text
        onClicked: Narrator.play(page.readingFiles, footerReading.index, true)
    }

    // This page on a phone, from the pack's web copy, when it has one.
    Image {
        id: pageQr
        objectName: "pageQr"
        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        visible: page.webLink.length > 0
        width: Theme.mm(30); height: width
        sourceSize: Qt.size(width, height)
        source: visible ? "image://qr/" + encodeURIComponent(page.webLink) : ""
        smooth: false
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("QR code with this page, for your phone")
    }
}
