# Where the time goes (1M records; hashing overlaps writing, so bars can exceed wall time)
# Written by dedupbench report. Regenerate from this directory: gnuplot default-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-phases.svg'
set title 'Where the time goes (1M records; hashing overlaps writing, so bars can exceed wall time)'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'seconds (median)'
set xtics ('bronze_append / 0%%' 0, 'bronze_append / 30%%' 1, 'delta_merge / 0%%' 2, 'delta_merge / 30%%' 3, 'eager_dedup / 0%%' 4, 'eager_dedup / 30%%' 5, 'polars_merge / 0%%' 6, 'polars_merge / 30%%' 7) rotate by -30
set label 'bronze_append / 0 · wall time (s): 412 ms [95% CI 368 ms–470 ms]' at -0.336, 0.41169365600035235 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · wall time (s): 596 ms [95% CI 526 ms–677 ms]' at 0.664, 0.5955631750002794 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · wall time (s): 613 ms [95% CI 556 ms–717 ms]' at 1.664, 0.6130749350004407 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · wall time (s): 772 ms [95% CI 743 ms–904 ms]' at 2.664, 0.7724623740004972 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · wall time (s): 440 ms [95% CI 430 ms–463 ms]' at 3.664, 0.4404379659999904 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · wall time (s): 623 ms [95% CI 599 ms–768 ms]' at 4.664, 0.6232324319998952 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · wall time (s): 574 ms [95% CI 566 ms–584 ms]' at 5.664, 0.5740073670003767 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · wall time (s): 720 ms [95% CI 707 ms–781 ms]' at 6.664, 0.720377501999792 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · generation time (s): 94.2 ms [95% CI 93.5 ms–94.7 ms]' at -0.168, 0.0942449229998263 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · generation time (s): 144 ms [95% CI 138 ms–155 ms]' at 0.832, 0.1441033979995961 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · generation time (s): 99.8 ms [95% CI 93.6 ms–143 ms]' at 1.832, 0.09977822199935987 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · generation time (s): 146 ms [95% CI 139 ms–195 ms]' at 2.832, 0.14562757100000617 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · generation time (s): 94 ms [95% CI 93.7 ms–95 ms]' at 3.832, 0.09399426999916656 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · generation time (s): 138 ms [95% CI 136 ms–167 ms]' at 4.832, 0.13817015499944768 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · generation time (s): 96.7 ms [95% CI 93.9 ms–103 ms]' at 5.832, 0.0967319069999028 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · generation time (s): 138 ms [95% CI 137 ms–160 ms]' at 6.832, 0.13845189400000735 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · hashing time (s): 165 ms [95% CI 152 ms–178 ms]' at 0, 0.16519216000142478 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · hashing time (s): 233 ms [95% CI 230 ms–247 ms]' at 1, 0.23328439999932016 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · hashing time (s): 198 ms [95% CI 181 ms–204 ms]' at 2, 0.1977708429985796 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · hashing time (s): 250 ms [95% CI 217 ms–296 ms]' at 3, 0.24958399899787764 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · hashing time (s): 164 ms [95% CI 153 ms–166 ms]' at 4, 0.16403553199961607 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · hashing time (s): 234 ms [95% CI 206 ms–257 ms]' at 5, 0.23415851599929738 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · hashing time (s): 204 ms [95% CI 172 ms–212 ms]' at 6, 0.20399133899991284 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · hashing time (s): 245 ms [95% CI 219 ms–266 ms]' at 7, 0.24492867999833834 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · dedup time (s): 214 ms [95% CI 189 ms–221 ms]' at 2.168, 0.21377960800327855 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · dedup time (s): 268 ms [95% CI 252 ms–337 ms]' at 3.168, 0.2679611379990092 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · dedup time (s): 132 ms [95% CI 124 ms–139 ms]' at 4.168, 0.13182432099983998 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · dedup time (s): 264 ms [95% CI 255 ms–290 ms]' at 5.168, 0.2641924649997236 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · dedup time (s): 143 ms [95% CI 136 ms–163 ms]' at 6.168, 0.14319952900223143 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · dedup time (s): 171 ms [95% CI 147 ms–219 ms]' at 7.168, 0.17074293799851148 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · write time (s): 394 ms [95% CI 354 ms–457 ms]' at 0.336, 0.3937196850001783 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · write time (s): 571 ms [95% CI 507 ms–658 ms]' at 1.336, 0.5708679749986914 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · write time (s): 389 ms [95% CI 344 ms–481 ms]' at 2.336, 0.3892624499994781 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · write time (s): 484 ms [95% CI 469 ms–565 ms]' at 3.336, 0.48431992300265847 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · write time (s): 295 ms [95% CI 279 ms–305 ms]' at 4.336, 0.29483812500075146 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · write time (s): 328 ms [95% CI 308 ms–450 ms]' at 5.336, 0.3282833120001669 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · write time (s): 402 ms [95% CI 386 ms–418 ms]' at 6.336, 0.401763102001496 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · write time (s): 525 ms [95% CI 507 ms–544 ms]' at 7.336, 0.5254496959996686 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.15456
set yrange [0:1]
set ytics ('0 s' 0, '200 ms' 0.2, '400 ms' 0.4, '600 ms' 0.6, '800 ms' 0.8, '1 s' 1)
plot 'default-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-phases.png'
replot
unset output
