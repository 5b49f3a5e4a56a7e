# Time by phase — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-phases.svg'
set title 'Time by phase — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'seconds (median)'
set xtics ('bronze_append / 0%%' 0, 'bronze_append / 50%%' 1, 'delta_merge / 0%%' 2, 'delta_merge / 50%%' 3, 'eager_dedup / 0%%' 4, 'eager_dedup / 50%%' 5, 'polars_merge / 0%%' 6, 'polars_merge / 50%%' 7) rotate by -30
set label 'bronze_append / 0 · wall time (s): 459 ms [95% CI 401 ms–555 ms]' at -0.336, 0.4588889270007712 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · wall time (s): 638 ms [95% CI 608 ms–714 ms]' at 0.664, 0.6380073979998997 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · wall time (s): 592 ms [95% CI 580 ms–648 ms]' at 1.664, 0.5917505769994023 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · wall time (s): 812 ms [95% CI 810 ms–828 ms]' at 2.664, 0.8117029989998628 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · wall time (s): 479 ms [95% CI 448 ms–481 ms]' at 3.664, 0.4793497919999936 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · wall time (s): 646 ms [95% CI 642 ms–707 ms]' at 4.664, 0.6457305630001429 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · wall time (s): 569 ms [95% CI 563 ms–574 ms]' at 5.664, 0.5690210120001211 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · wall time (s): 770 ms [95% CI 766 ms–832 ms]' at 6.664, 0.7702902529999847 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · generation time (s): 98.3 ms [95% CI 92.5 ms–99.8 ms]' at -0.168, 0.09830239999941327 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · generation time (s): 165 ms [95% CI 164 ms–167 ms]' at 0.832, 0.16466961599970054 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · generation time (s): 95.3 ms [95% CI 94.6 ms–101 ms]' at 1.832, 0.09532346399915159 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · generation time (s): 163 ms [95% CI 162 ms–164 ms]' at 2.832, 0.1629723650000917 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · generation time (s): 99.1 ms [95% CI 98.2 ms–105 ms]' at 3.832, 0.09907033999999611 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · generation time (s): 165 ms [95% CI 160 ms–168 ms]' at 4.832, 0.16539370000005438 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · generation time (s): 93.1 ms [95% CI 92.6 ms–102 ms]' at 5.832, 0.09313939100020745 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · generation time (s): 183 ms [95% CI 160 ms–185 ms]' at 6.832, 0.18296381799978603 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · hashing time (s): 209 ms [95% CI 204 ms–212 ms]' at 0, 0.20929906200035475 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · hashing time (s): 286 ms [95% CI 260 ms–304 ms]' at 1, 0.2857267019999199 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · hashing time (s): 179 ms [95% CI 179 ms–190 ms]' at 2, 0.17899920600211772 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · hashing time (s): 243 ms [95% CI 239 ms–279 ms]' at 3, 0.24305045399796654 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · hashing time (s): 196 ms [95% CI 191 ms–209 ms]' at 4, 0.19577213100001245 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · hashing time (s): 241 ms [95% CI 240 ms–283 ms]' at 5, 0.24068944900045608 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · hashing time (s): 185 ms [95% CI 181 ms–191 ms]' at 6, 0.1845890499998859 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · hashing time (s): 307 ms [95% CI 302 ms–308 ms]' at 7, 0.3074273339998399 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · dedup time (s): 214 ms [95% CI 199 ms–221 ms]' at 2.168, 0.21398754199708492 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · dedup time (s): 329 ms [95% CI 295 ms–355 ms]' at 3.168, 0.3289655260014115 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · dedup time (s): 133 ms [95% CI 117 ms–141 ms]' at 4.168, 0.13252249799825222 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · dedup time (s): 306 ms [95% CI 304 ms–308 ms]' at 5.168, 0.30621489900204324 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · dedup time (s): 142 ms [95% CI 140 ms–146 ms]' at 6.168, 0.14247164699918358 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · dedup time (s): 246 ms [95% CI 193 ms–269 ms]' at 7.168, 0.24574161800319416 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · write time (s): 440 ms [95% CI 385 ms–541 ms]' at 0.336, 0.43975699100155907 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · write time (s): 614 ms [95% CI 585 ms–694 ms]' at 1.336, 0.6141806790001283 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · write time (s): 379 ms [95% CI 350 ms–404 ms]' at 2.336, 0.37940489900029206 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · write time (s): 473 ms [95% CI 437 ms–494 ms]' at 3.336, 0.4725163169996449 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · write time (s): 314 ms [95% CI 310 ms–318 ms]' at 4.336, 0.3144650959984574 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · write time (s): 309 ms [95% CI 308 ms–376 ms]' at 5.336, 0.3094970500014824 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · write time (s): 401 ms [95% CI 389 ms–403 ms]' at 6.336, 0.401026035000541 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · write time (s): 530 ms [95% CI 497 ms–535 ms]' at 7.336, 0.530271856001491 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.15456
set yrange [0:1]
set ytics ('0 s' 0, '200 ms' 0.2, '400 ms' 0.4, '600 ms' 0.6, '800 ms' 0.8, '1 s' 1)
plot 'dup-sweep-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
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
set output 'dup-sweep-phases.png'
replot
unset output
