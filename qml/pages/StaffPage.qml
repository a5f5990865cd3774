import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The staff screen (route "staff", opened by the hidden gesture and the staff PIN):
// the kiosk, its pack, its last sync, the sound test, and anonymous usage counts with
// their export to a USB stick. It shows nothing until the PIN has unlocked it.
// Always in French, left to right, whatever the visitor's language: it is for the staff
// of the CPAS and its partners, whose working language is French; its strings are not
// visitor UI strings, so they are not in translations/.
Item {
    id: root
    objectName: "staffPage"
    LayoutMirroring.enabled: false
    LayoutMirroring.childrenInherit: true

    Component.onCompleted: Staff.refresh()

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        text: "Personnel : " + Staff.kioskName
    }

    KioskText {
        objectName: "staffLocked"
        anchors { top: title.bottom; left: parent.left; right: parent.right; margins: Theme.margin }
        visible: !Staff.isUnlocked
        text: Staff.isPinConfigured
              ? "Cet écran est réservé au personnel. Entrez le code du personnel pour l'ouvrir."
              : "Aucun code du personnel n'est défini sur cette borne : voir [staff] pin_hash dans /etc/passerelle/passerelle.conf."
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Flickable {
        id: flick
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        visible: Staff.isUnlocked
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        contentHeight: Math.max(facts.height, usage.height)

        Column {
            id: facts
            width: (flick.width - Theme.gap) * 0.42
            spacing: Theme.gap

            StaffSection {
                width: parent.width
                title: "Cette borne"
                StaffField { width: parent.width; label: "Nom"; value: Staff.kioskName }
                StaffField { width: parent.width; label: "Version"; value: Staff.appVersion }
            }

            StaffSection {
                width: parent.width
                title: "Paquet de contenu"
                StaffField { width: parent.width; label: "Paquet"; value: Staff.packId }
                StaffField { width: parent.width; label: "Version"; value: Staff.packVersion }
                StaffField { width: parent.width; label: "Créé le"; value: Staff.packCreated }
                StaffField {
                    objectName: "packExpires"
                    width: parent.width
                    label: "Expire le"
                    value: Staff.isPackExpired ? Staff.packExpires + " (expiré : les informations peuvent être dépassées)"
                                               : Staff.packExpires
                    warning: Staff.isPackExpired
                }
                StaffField {
                    width: parent.width
                    label: "Signé par la clé"
                    value: Staff.signatureKeyId.length > 0 ? Staff.signatureKeyId : "non signé"
                }
                StaffField {
                    objectName: "packFallback"
                    width: parent.width
                    visible: Staff.hasPackFallback
                    label: "Au démarrage"
                    value: Staff.packFallback
                    warning: true
                }
            }

            StaffSection {
                width: parent.width
                title: "Mises à jour du contenu"
                StaffField {
                    width: parent.width
                    label: "Dernière vérification"
                    value: Staff.hasSynced ? Staff.lastSync : "jamais"
                }
                StaffField {
                    width: parent.width
                    label: "Résultat"
                    value: Staff.lastSyncResultText
                    warning: Staff.hasSynced && !Staff.isLastSyncSuccess
                }
                StaffField {
                    width: parent.width
                    visible: Staff.lastSyncError.length > 0
                    label: "Problème"
                    value: Staff.lastSyncError
                    warning: true
                }
                StaffButton {
                    objectName: "syncNowButton"
                    enabled: !Staff.isSyncRequested
                    text: Staff.isSyncRequested ? "Vérification…"
                        : Staff.isSyncRunning ? "Vérification en cours : recommencer" : "Vérifier maintenant"
                    onClicked: Staff.syncNow()
                }
            }

        }

        Column {
            id: usage
            x: facts.width + Theme.gap
            width: flick.width - facts.width - Theme.gap
            spacing: Theme.gap

            StaffSection {
                width: parent.width
                title: "Écrans ouverts, 14 derniers jours"
                KioskText {
                    visible: Staff.dayChart.total === 0
                    text: Staff.hasUsageCounts ? "Rien n'a encore été compté."
                          : "L'utilisation n'est pas comptée sur cette borne : son dossier d'état n'est pas accessible en écriture (voir le journal)."
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffDayChart { width: parent.width; model: Staff.dayChart; visible: Staff.dayChart.total > 0 }
            }

            StaffSection {
                width: parent.width
                title: "Par thème, " + Staff.chartDays + " derniers jours"
                StaffBarChart {
                    width: parent.width
                    model: Staff.topicChart
                    emptyText: "Rien n'a encore été compté."
                }
            }

            StaffSection {
                width: parent.width
                title: "Par langue, " + Staff.chartDays + " derniers jours"
                StaffBarChart {
                    width: parent.width
                    model: Staff.languageChart
                    emptyText: "Rien n'a encore été compté."
                }
            }

            StaffSection {
                width: parent.width
                title: "Export pour le rapport annuel"
                KioskText {
                    width: parent.width
                    font.pixelSize: Theme.smallSize
                    text: Staff.exportStatus.length > 0 ? Staff.exportStatus
                          : "Comptages anonymes par jour, thème et langue, en fichier CSV sur la clé USB (" + Staff.exportFolder + ")."
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffButton {
                    objectName: "exportButton"
                    text: "Enregistrer sur la clé USB"
                    onClicked: Staff.exportCsv()
                }
            }

            StaffSection {
                width: parent.width
                title: "Son"
                KioskText {
                    width: parent.width
                    font.pixelSize: Theme.smallSize
                    text: Staff.audioStatus.length > 0 ? Staff.audioStatus
                          : Staff.hasAudioOutput ? "Appuyez sur le bouton : un son doit retentir pendant une seconde."
                          : "Pas de sortie audio : cette borne n'a aucun périphérique son. Vérifiez le câble du haut-parleur et les réglages du son."
                    color: !Staff.hasAudioOutput ? Theme.warningBorder : Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffButton {
                    objectName: "audioTestButton"
                    text: "Jouer un son de test"
                    onClicked: Staff.playTestTone()
                }
            }
        }
    }
}
